using System.Text;
using FirewallKit.Core.IO;
using FirewallKit.Tests.Apply;

namespace FirewallKit.Tests.IO;

public class SafeFileWriterTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("new content\n");

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
    public void A_new_file_gets_the_content_and_nothing_else_is_left_in_the_folder()
    {
        var path = Path.Combine(_folder.Path, "plan.json");

        var written = SafeFileWriter.Write(path, Content, []);

        Assert.That(written, Is.EqualTo(path));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void An_existing_file_is_replaced_whole()
    {
        var path = Path.Combine(_folder.Path, "plan.json");
        File.WriteAllText(path, new string('x', 10_000));

        SafeFileWriter.Write(path, Content, []);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
    }

    [Test]
    public void A_planted_tmp_symbolic_link_beside_the_target_is_never_written_through()
    {
        var victim = Path.Combine(_folder.Path, "victim.txt");
        File.WriteAllText(victim, "precious");
        var path = Path.Combine(_folder.Path, "plan.json");
        File.CreateSymbolicLink(path + ".tmp", victim);

        SafeFileWriter.Write(path, Content, []);

        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
        Assert.That(new FileInfo(path + ".tmp").LinkTarget, Is.EqualTo(victim), "the planted link is left alone");
    }

    [Test]
    public void A_symbolic_link_target_is_refused_and_left_as_it_was()
    {
        var victim = Path.Combine(_folder.Path, "victim.txt");
        File.WriteAllText(victim, "precious");
        var link = Path.Combine(_folder.Path, "plan.json");
        File.CreateSymbolicLink(link, victim);

        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(link, Content, []))!;

        Assert.That(ex.Problem, Is.EqualTo($"'{link}' is a symbolic link, not a regular file"));
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(victim));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Has.Length.EqualTo(2));
    }

    [Test]
    public void A_directory_target_is_refused()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder.Path, "plan.json")).FullName;

        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(directory, Content, []))!;

        Assert.That(ex.Problem, Is.EqualTo($"'{directory}' is a directory, not a regular file"));
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Is.EqualTo(new[] { directory }));
    }

    [Test]
    public void A_FIFO_target_is_refused_without_blocking_and_stays_a_FIFO()
    {
        var fifo = UnixFiles.MakeFifo(Path.Combine(_folder.Path, "plan.json"));

        var ex = UnixFiles.WithinTwoSeconds(() => Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(fifo, Content, [])))!;

        Assert.That(ex.Problem, Is.EqualTo($"'{fifo}' is a FIFO (named pipe), not a regular file"));
        Assert.That(FileKinds.Of(fifo, followLinks: false), Is.EqualTo(FileKind.Fifo));
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Is.EqualTo(new[] { fifo }));
    }

    [Test]
    public void A_device_target_is_refused()
    {
        UnixFiles.RequireLinux();

        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write("/dev/null", Content, []))!;

        Assert.That(ex.Problem, Is.EqualTo("'/dev/null' is a character device, not a regular file"));
    }

    [Test]
    public void A_target_in_a_missing_folder_is_refused()
    {
        var path = Path.Combine(_folder.Path, "none", "plan.json");

        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(path, Content, []))!;

        Assert.That(ex.Problem, Is.EqualTo($"the folder '{Path.Combine(_folder.Path, "none")}' does not exist"));
    }

    [Test]
    public void An_empty_path_is_refused()
    {
        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(string.Empty, Content, []))!;

        Assert.That(ex.Problem, Is.EqualTo("the path is empty"));
    }

    [Test]
    public void An_input_is_not_overwritten_even_through_a_link_or_a_relative_path()
    {
        var input = Path.Combine(_folder.Path, "profile.json");
        File.WriteAllText(input, "{}");
        var link = Path.Combine(_folder.Path, "link.json");
        File.CreateSymbolicLink(link, input);
        var spelt = Path.Combine(_folder.Path, ".", "sub", "..", "profile.json");

        var ex = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(spelt, Content, [link]))!;

        Assert.That(ex.Problem, Is.EqualTo($"'{input}' is also an input of this command ('{link}'), and writing it would destroy what was read"));
        Assert.That(File.ReadAllText(input), Is.EqualTo("{}"));
    }

    [Test]
    public void An_input_reached_through_a_linked_folder_is_not_overwritten()
    {
        var real = Directory.CreateDirectory(Path.Combine(_folder.Path, "real")).FullName;
        var input = Path.Combine(real, "profile.json");
        File.WriteAllText(input, "{}");
        var linkedFolder = Path.Combine(_folder.Path, "linked");
        Directory.CreateSymbolicLink(linkedFolder, real);

        Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(Path.Combine(linkedFolder, "profile.json"), Content, [input]));
        Assert.That(File.ReadAllText(input), Is.EqualTo("{}"));
    }

    [Test]
    public void Another_file_than_the_inputs_is_written()
    {
        var input = Path.Combine(_folder.Path, "profile.json");
        File.WriteAllText(input, "{}");
        var path = Path.Combine(_folder.Path, "plan.json");
        File.WriteAllText(path, "old");

        SafeFileWriter.Write(path, Content, [input]);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
        Assert.That(File.ReadAllText(input), Is.EqualTo("{}"));
    }

    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute)]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)]
    public void An_existing_file_keeps_its_mode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        var path = Path.Combine(_folder.Path, "fw.ps1");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, mode);

        SafeFileWriter.Write(path, Content, []);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(mode));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
    }

    [Test]
    public void The_temporary_file_is_removed_when_the_replace_fails()
    {
        var path = Path.Combine(_folder.Path, "plan.json");
        File.WriteAllText(path, "old");
        string? temporary = null;

        Assert.Throws<IOException>(() => SafeFileWriter.Replace(path, _folder.Path, stream => stream.Write(Content), null, (from, _, _) =>
        {
            temporary = from;
            throw new IOException("disk on fire");
        }));

        Assert.That(temporary, Is.Not.Null.And.StartWith(_folder.Path));
        Assert.That(File.Exists(temporary), Is.False);
        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_target_name_as_long_as_a_name_can_be_is_written()
    {
        var path = Path.Combine(_folder.Path, new string('p', 250) + ".json");

        SafeFileWriter.Write(path, Content, []);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Content));
    }

    [Test]
    public void An_existing_file_loses_its_setuid_setgid_and_sticky_bits()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        var path = Path.Combine(_folder.Path, "fw.ps1");
        File.WriteAllText(path, "old");
        const UnixFileMode plain = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.SetUnixFileMode(path, plain | UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit);

        SafeFileWriter.Write(path, Content, []);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(plain));
    }

    [Test]
    public void A_read_only_file_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(_folder.Path, "plan.json");
        File.WriteAllText(path, "old");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var error = Assert.Throws<FileRefusedException>(() => SafeFileWriter.Write(path, Content, []))!;

        Assert.That(error.Problem, Is.EqualTo($"'{path}' is read-only"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        File.SetAttributes(path, FileAttributes.Normal);
    }
}
