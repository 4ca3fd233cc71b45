namespace FirewallKit.Core.IO;

/// <summary>
/// Opens a log for appending by the rules that keep <c>--output</c> safe: a regular file only (no link, device, FIFO
/// or socket), never one of the command's inputs, and opened so that a FIFO can never make the open wait.
/// </summary>
public static class AppendOnlyFile
{
    /// <param name="inputs">The files the command reads; appending to one would corrupt it for the next run.</param>
    public static FileStream Open(string path, IEnumerable<string> inputs)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full, followLinks: false);
        if (kind is not (FileKind.Missing or FileKind.RegularFile or FileKind.Unknown))
        {
            throw new FileRefusedException(path, $"'{full}' is {kind.Describe()}, not a regular file", "give the path of a regular file, or of a new file");
        }

        if (kind != FileKind.Missing && inputs.FirstOrDefault(input => FileIdentity.SameFile(full, input)) is { } input)
        {
            throw new FileRefusedException(path, $"'{full}' is also an input of this command ('{input}'), and appending to it would corrupt it", "write the log to another file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var stream = LinuxOpen.ForAppend(full) is { } handle
            ? new FileStream(handle, FileAccess.Write, bufferSize: 0)
            : new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

        // What was opened may not be what was checked (swapped in between): a device or pipe cannot seek.
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new FileRefusedException(path, $"'{full}' is a device or a pipe, not a regular file", "give the path of a regular file, or of a new file");
        }

        return stream;
    }
}
