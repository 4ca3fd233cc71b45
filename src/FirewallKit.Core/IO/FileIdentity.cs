namespace FirewallKit.Core.IO;

/// <summary>Whether two paths name the same file, however they are spelt: through symbolic links, "..", or (on Linux) hard links.</summary>
public static class FileIdentity
{
    /// <summary>Linux allows at most 40 links on one path (ELOOP); a longer chain is a loop.</summary>
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool SameFile(string first, string second)
    {
        if (LinuxStatx.Query(first, followLinks: true) is { Kind: not FileKind.Missing } a
            && LinuxStatx.Query(second, followLinks: true) is { Kind: not FileKind.Missing } b)
        {
            return a.Device == b.Device && a.Inode == b.Inode;
        }

        return string.Equals(ResolvedPath(first), ResolvedPath(second), PathComparison);
    }

    /// <summary>The full path with every symbolic link on it replaced by its target, as far as the links exist.</summary>
    internal static string ResolvedPath(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int linksFollowed)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Join(current, parts[i]);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (linksFollowed >= MaxLinks)
            {
                return full;
            }

            // A relative target is relative to the link's own folder, which is resolved already.
            var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
            return Resolve(Path.GetFullPath(Path.Join(Path.GetFullPath(target, current), rest)), linksFollowed + 1);
        }

        return current;
    }
}
