using System.Globalization;

namespace FirewallKit.Core.IO;

/// <summary>
/// Reads a whole file, refusing anything that is not a regular file (a directory, a device such as
/// /dev/zero, a FIFO, a socket) and stopping at a hard size limit however large the file claims to be.
/// </summary>
public static class BoundedFileReader
{
    private const int ChunkBytes = 81920;

    public static ReadOnlyMemory<byte> ReadAll(string path, long maxBytes)
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

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (!stream.CanSeek)
            {
                throw NotARegularFile(path, "a device or a pipe");
            }

            return ReadAll(stream, path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileRefusedException)
        {
            throw new FileRefusedException(path, "the file cannot be read: " + ex.Message, "check the file's permissions", ex);
        }
    }

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
