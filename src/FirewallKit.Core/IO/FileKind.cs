namespace FirewallKit.Core.IO;

/// <summary>What a path names, as far as reading or replacing it safely is concerned.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,

    /// <summary>Something that exists and is not a directory, on a system that does not say more (neither Linux nor Windows).</summary>
    Unknown,
}
