namespace FirewallKit.Core.IO;

/// <summary>One entry of a folder's access list, as far as deciding who can write there goes.</summary>
/// <param name="Identity">Who the entry is for, as Windows names them (BUILTIN\Users).</param>
/// <param name="IsTrusted">SYSTEM, the Administrators group or TrustedInstaller: those who may write fwkit's folders.</param>
/// <param name="Allows">An allow entry (a deny entry never grants anything).</param>
/// <param name="GrantsWrite">It grants creating, changing or deleting files or folders, or changing the access list or owner.</param>
/// <param name="AppliesToFolder">It applies to the folder itself (not inherit-only, such as CREATOR OWNER's).</param>
public sealed record FolderAccessEntry(string Identity, bool IsTrusted, bool Allows, bool GrantsWrite, bool AppliesToFolder);
