namespace FirewallKit.Core.IO;

/// <summary>Tells what a path names without opening it.</summary>
public static class FileKinds
{
    /// <param name="followLinks">true to describe what a symbolic link points to (reading); false to describe the link itself (replacing).</param>
    public static FileKind Of(string path, bool followLinks)
    {
        if (LinuxStatx.Query(path, followLinks) is { } status)
        {
            return status.Kind;
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return FileKind.SymbolicLink;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !target.Exists ? FileKind.Missing : OfExisting(target);
        }

        return info.Exists ? OfExisting(info) : FileKind.Missing;
    }

    /// <summary>How a message names a kind: "the path is a FIFO (named pipe)".</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.RegularFile => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    // Windows names devices and pipes outside the file system (NUL, \\.\pipe\...), and a reader finds
    // them once open; other systems without statx cannot tell a device from a file, so readers check again there too.
    private static FileKind OfExisting(FileSystemInfo info) =>
        info is DirectoryInfo ? FileKind.Directory
        : OperatingSystem.IsWindows() ? FileKind.RegularFile
        : FileKind.Unknown;
}
