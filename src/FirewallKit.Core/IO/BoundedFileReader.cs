using System.Globalization;

namespace FirewallKit.Core.IO;

/// <summary>
/// Reads a whole file, refusing anything that is not a regular file (a directory, a device such as
/// /dev/zero, a FIFO, a socket) and stopping at a hard size limit however large the file claims to be.
/// </summary>
public static class BoundedFileReader
{
    private const int ChunkBytes = 81920;

    public static ReadOnlyMemory<byte> ReadAll(string path, long maxBytes) =>
        Guarded(path, () =>
        {
            using var stream = OpenFile(path, maxBytes);
            return ReadAll(stream, path, maxBytes);
        });

    /// <summary>
    /// The file as a stream, for reading it a piece at a time: refused as <see cref="ReadAll(string, long)"/> refuses it,
    /// a file that reports more than <paramref name="maxBytes"/> at once, one that holds more when read.
    /// </summary>
    public static Stream Open(string path, long maxBytes) =>
        Guarded(path, () =>
        {
            var stream = OpenFile(path, maxBytes);
            if (stream.Length > maxBytes)
            {
                stream.Dispose();
                throw TooLarge(path, string.Create(CultureInfo.InvariantCulture, $"the file is {stream.Length:N0} bytes"), maxBytes);
            }

            return (Stream)new BoundedStream(stream, path, maxBytes);
        });

    private static FileStream OpenFile(string path, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxBytes, (long)Array.MaxLength);
        if (path.Length == 0)
        {
            throw new FileRefusedException(path, "the path is empty", "give the path of a file");
        }

        // Checked before opening: on Linux, opening a FIFO waits until something writes to it.
        var kind = FileKinds.Of(path, followLinks: true);
        switch (kind)
        {
            case FileKind.Missing:
                throw new FileRefusedException(path, "the file does not exist", $"check the path; a relative path starts from the current folder, {Directory.GetCurrentDirectory()}");
            case FileKind.Directory:
                throw new FileRefusedException(path, "the path is a directory, not a file", "give the path of a file in that directory");
            case FileKind.RegularFile or FileKind.Unknown:
                break;
            default:
                throw NotARegularFile(path, kind.Describe());
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw NotARegularFile(path, "a device or a pipe");
        }

        return stream;
    }

    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileRefusedException)
        {
            throw CannotRead(path, ex);
        }
    }

    private static FileRefusedException CannotRead(string path, Exception ex) =>
        new(path, "the file cannot be read: " + ex.Message, "check the file's permissions", ex);

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes, whatever the stream's length says:
    /// files under /proc report 0 bytes and hold more, and a file can grow while it is read.
    /// </summary>
    internal static ReadOnlyMemory<byte> ReadAll(Stream stream, string path, long maxBytes)
    {
        var reported = stream.CanSeek ? stream.Length : 0;
        if (reported > maxBytes)
        {
            throw TooLarge(path, string.Create(CultureInfo.InvariantCulture, $"the file is {reported:N0} bytes"), maxBytes);
        }

        using var content = new MemoryStream((int)reported + 1);
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - content.Length));
            if (read == 0)
            {
                return content.GetBuffer().AsMemory(0, (int)content.Length);
            }

            content.Write(chunk, 0, read);
            if (content.Length > maxBytes)
            {
                throw TooLarge(path, string.Create(CultureInfo.InvariantCulture, $"the file holds more than it reported ({reported:N0} bytes)"), maxBytes);
            }
        }
    }

    /// <summary>A stream <see cref="Open"/> gives: it knows the size the file reported when opened.</summary>
    public interface IBounded
    {
        long Reported { get; }
    }

    /// <summary>Refuses to read past the limit however large the file claims to be: files under /proc report 0 bytes, and a file can grow while it is read.</summary>
    private sealed class BoundedStream(Stream inner, string path, long maxBytes) : Stream, IBounded
    {
        private readonly long _reported = inner.Length;
        private long _read;

        public long Reported => _reported;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer[..(int)Math.Min(buffer.Length, maxBytes + 1 - _read)]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileRefusedException)
            {
                throw CannotRead(path, ex);
            }

            _read += read;
            if (_read > maxBytes)
            {
                throw TooLarge(path, string.Create(CultureInfo.InvariantCulture, $"the file holds more than it reported ({_reported:N0} bytes)"), maxBytes);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static FileRefusedException NotARegularFile(string path, string what) =>
        new(path, $"the path is {what}, not a regular file", "give the path of a regular file; fwkit reads no devices, pipes or sockets");

    private static FileRefusedException TooLarge(string path, string size, long maxBytes)
    {
        const long mebibyte = 1024 * 1024;
        var limit = maxBytes % mebibyte == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{maxBytes:N0}-byte ({maxBytes / mebibyte} MiB)")
            : string.Create(CultureInfo.InvariantCulture, $"{maxBytes:N0}-byte");
        return new(path, $"{size}, over the {limit} limit", "check that the path names the file you meant: fwkit's own plans, exports and backups stay far below the limit");
    }
}
