namespace FirewallKit.Core.IO;

/// <summary>What the operating system says about a path: its kind and, for an existing one, which file it is.</summary>
internal readonly record struct NativeFileStatus(FileKind Kind, ulong Device, ulong Inode);
