namespace FirewallKit.Core.IO;

/// <summary>
/// Who, besides SYSTEM and the Administrators, can write to a folder by its access list: anyone with such an allow
/// entry that applies to the folder, inherited or not. fwkit's data folder has an explicit, protected list
/// (SYSTEM and Administrators, full control) so that nothing inherited from %ProgramData% lets users write there.
/// </summary>
public static class FolderAccessPolicy
{
    public static IReadOnlyList<string> OthersWhoCanWrite(IEnumerable<FolderAccessEntry> entries) =>
        [.. entries
            .Where(e => e.Allows && e.GrantsWrite && e.AppliesToFolder && !e.IsTrusted)
            .Select(e => e.Identity)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The refusal for a folder others can write to, naming them and the fix.</summary>
    public static FileRefusedException Refusal(string folder, IReadOnlyList<string> writers) =>
        new(folder,
            $"the folder '{folder}' can be written by {string.Join(", ", writers)}, who could plant a backup for a rollback or change the log",
            "remove their write access (for example `icacls \"<folder>\" /inheritance:r /grant:r SYSTEM:(OI)(CI)F Administrators:(OI)(CI)F`), or use a folder only SYSTEM and Administrators can write");
}
