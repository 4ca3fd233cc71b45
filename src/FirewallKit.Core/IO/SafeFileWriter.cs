using System.Security.Cryptography;

namespace FirewallKit.Core.IO;

/// <summary>
/// Replaces a file's content so that a reader sees the old file or the new one, never half of one,
/// and nothing but a regular file is ever replaced.
/// </summary>
public static class SafeFileWriter
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> and returns the full path written.</summary>
    /// <param name="inputs">The files the content was made from; writing over one of them is refused.</param>
    public static string Write(string path, ReadOnlyMemory<byte> content, IEnumerable<string> inputs) =>
        Write(path, stream => stream.Write(content.Span), inputs);

    /// <summary>
    /// Writes what <paramref name="content"/> writes to the stream it is given (the new file, buffered) to
    /// <paramref name="path"/>, and returns the full path written: output too large to hold whole goes straight to disk.
    /// </summary>
    /// <param name="inputs">The files the content was made from; writing over one of them is refused.</param>
    public static string Write(string path, Action<Stream> content, IEnumerable<string> inputs)
    {
        if (path.Length == 0)
        {
            throw new FileRefusedException(path, "the path is empty", "give the name of the file to write");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || Path.GetFileName(full).Length == 0)
        {
            throw new FileRefusedException(path, $"'{full}' names a folder, not a file", "add a file name to the path");
        }

        if (!Directory.Exists(folder))
        {
            throw new FileRefusedException(path, $"the folder '{folder}' does not exist", "create the folder, or write the file somewhere else");
        }

        // Renaming over a symbolic link, device or FIFO would replace it instead of writing through it,
        // which is never what was meant; a directory cannot be replaced at all.
        var kind = FileKinds.Of(full, followLinks: false);
        if (kind is not (FileKind.Missing or FileKind.RegularFile or FileKind.Unknown))
        {
            throw new FileRefusedException(path, $"'{full}' is {kind.Describe()}, not a regular file", "write to a regular file, or to a new file name");
        }

        if (kind != FileKind.Missing && inputs.FirstOrDefault(input => FileIdentity.SameFile(full, input)) is { } input)
        {
            throw new FileRefusedException(path, $"'{full}' is also an input of this command ('{input}'), and writing it would destroy what was read", "write the output to another file");
        }

        // A read-only file says "do not replace me"; renaming over it would do so silently.
        if (kind != FileKind.Missing && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
        {
            throw new FileRefusedException(path, $"'{full}' is read-only", "make it writable first if it is meant to be replaced, or write to another file");
        }

        // The new content is not what was marked setuid, setgid or sticky: those bits are not carried over.
        var mode = kind != FileKind.Missing && !OperatingSystem.IsWindows()
            ? File.GetUnixFileMode(full) & ~(UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit)
            : (UnixFileMode?)null;
        Replace(full, folder, content, mode, File.Move);
        return full;
    }

    /// <param name="move">Renames the temporary file over the target (File.Move; tests make it fail).</param>
    internal static void Replace(string full, string folder, Action<Stream> content, UnixFileMode? mode, Action<string, string, bool> move)
    {
        // A fresh random name, created exclusively: a name that exists already (a planted symbolic
        // link, say) makes the create fail instead of being written through. It does not repeat the
        // target's name, which may already be as long as a name can be.
        var temporary = Path.Combine(folder, $".fwkit-{RandomNumberGenerator.GetHexString(16, lowercase: true)}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 64 * 1024 };
        if (mode is { } createMode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = createMode;
        }

        var created = false;
        var replaced = false;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                created = true;
                if (mode is { } existing && !OperatingSystem.IsWindows())
                {
                    // The create mode passed through the umask; the file keeps the mode it had.
                    File.SetUnixFileMode(stream.SafeFileHandle, existing);
                }

                content(stream);
                stream.Flush(flushToDisk: true);
            }

            move(temporary, full, true);
            replaced = true;
        }
        finally
        {
            if (created && !replaced)
            {
                DeleteQuietly(temporary);
            }
        }
    }

    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one to report; a leftover temporary file is named like a hidden one.
        }
    }
}
