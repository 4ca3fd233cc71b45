using FirewallKit.Core.IO;
using FirewallKit.Tests.Apply;

namespace FirewallKit.Tests.IO;

public class BoundedFileReaderTests
{
    private TempDirectory _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void A_regular_file_is_read_whole()
    {
        var path = Path.Combine(_folder.Path, "p.json");
        File.WriteAllText(path, "{}");

        Assert.That(BoundedFileReader.ReadAll(path, 100).ToArray(), Is.EqualTo("{}"u8.ToArray()));
    }

    [Test]
    public void A_symbolic_link_to_a_regular_file_is_read_as_that_file()
    {
        var target = Path.Combine(_folder.Path, "p.json");
        File.WriteAllText(target, "{}");
        var link = Path.Combine(_folder.Path, "link.json");
        File.CreateSymbolicLink(link, target);

        Assert.That(BoundedFileReader.ReadAll(link, 100).ToArray(), Is.EqualTo("{}"u8.ToArray()));
    }

    [TestCase("/dev/zero")]
    [TestCase("/dev/urandom")]
    [TestCase("/dev/null")]
    public void A_character_device_is_refused_before_it_is_read(string device)
    {
        UnixFiles.RequireLinux();

        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(device, 100))!;

        Assert.That(ex.Problem, Is.EqualTo("the path is a character device, not a regular file"));
    }

    [Test]
    public void A_symbolic_link_to_a_device_is_refused()
    {
        UnixFiles.RequireLinux();
        var link = Path.Combine(_folder.Path, "profile.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(link, 100))!;

        Assert.That(ex.Problem, Is.EqualTo("the path is a character device, not a regular file"));
    }

    [Test]
    public void A_FIFO_is_refused_without_waiting_for_a_writer()
    {
        var fifo = UnixFiles.MakeFifo(Path.Combine(_folder.Path, "profile.json"));

        var ex = UnixFiles.WithinTwoSeconds(() => Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(fifo, 100)))!;

        Assert.That(ex.Problem, Is.EqualTo("the path is a FIFO (named pipe), not a regular file"));
    }

    [Test]
    public void A_directory_is_named_as_a_directory()
    {
        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(_folder.Path, 100))!;

        Assert.That(ex.Problem, Is.EqualTo("the path is a directory, not a file"));
    }

    [Test]
    public void A_missing_file_is_named_as_missing()
    {
        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(Path.Combine(_folder.Path, "none.json"), 100))!;

        Assert.That(ex.Problem, Is.EqualTo("the file does not exist"));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_by_its_size_before_it_is_read()
    {
        var path = Path.Combine(_folder.Path, "big.json");
        File.WriteAllText(path, new string(' ', 101));

        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(path, 100))!;

        Assert.That(ex.Problem, Is.EqualTo("the file is 101 bytes, over the 100-byte limit"));
    }

    [Test]
    public void A_file_exactly_at_the_limit_is_read()
    {
        var path = Path.Combine(_folder.Path, "full.json");
        File.WriteAllText(path, new string(' ', 100));

        Assert.That(BoundedFileReader.ReadAll(path, 100).Length, Is.EqualTo(100));
    }

    [Test]
    public void A_file_that_reports_no_length_is_read_whole()
    {
        UnixFiles.RequireLinux();

        // Files under /proc say they are empty and are not.
        var status = BoundedFileReader.ReadAll("/proc/self/status", 1024 * 1024);

        Assert.That(System.Text.Encoding.ASCII.GetString(status.Span), Does.StartWith("Name:"));
    }

    [Test]
    public void A_stream_holding_more_than_it_reports_is_cut_one_byte_past_the_limit()
    {
        using var endless = new EndlessStream(reportedLength: 10);

        var ex = Assert.Throws<FileRefusedException>(() => BoundedFileReader.ReadAll(endless, "grows.json", 1000))!;

        Assert.That(ex.Problem, Is.EqualTo("the file holds more than it reported (10 bytes), over the 1,000-byte limit"));
        Assert.That(endless.BytesRead, Is.EqualTo(1001));
    }

    /// <summary>A seekable stream that claims a small length and never ends, like a file that keeps growing.</summary>
    private sealed class EndlessStream(long reportedLength) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => reportedLength;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
