using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using FirewallKit.Core.IO;

namespace FirewallKit.Windows;

/// <summary>
/// fwkit's data folder (%ProgramData%\FirewallKit) is created with an explicit, protected access list: SYSTEM and
/// Administrators, full control, inherited by its backups and logs folders, and nothing inherited from %ProgramData%
/// (where Users may create files). A backup or log folder that anyone else can write to is refused.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsFolderGuard(string dataRoot) : IFolderGuard
{
    /// <summary>NT SERVICE\TrustedInstaller, which owns system folders.</summary>
    private const string TrustedInstaller = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

    private const FileSystemRights WriteRights =
        FileSystemRights.WriteData | FileSystemRights.AppendData | FileSystemRights.WriteExtendedAttributes | FileSystemRights.WriteAttributes
        | FileSystemRights.Delete | FileSystemRights.DeleteSubdirectoriesAndFiles | FileSystemRights.ChangePermissions | FileSystemRights.TakeOwnership;

    public void Prepare(string folder)
    {
        var full = Path.GetFullPath(folder);
        var root = Path.GetFullPath(dataRoot);
        if (!Directory.Exists(root) && IsWithin(full, root))
        {
            new DirectoryInfo(root).Create(PrivateSecurity());
        }

        Directory.CreateDirectory(full);
        var writers = FolderAccessPolicy.OthersWhoCanWrite(Entries(new DirectoryInfo(full).GetAccessControl()));
        if (writers.Count > 0)
        {
            throw FolderAccessPolicy.Refusal(full, writers);
        }
    }

    /// <summary>SYSTEM and Administrators, full control, for the folder, its subfolders and files; nothing inherited.</summary>
    public static DirectorySecurity PrivateSecurity()
    {
        var security = new DirectorySecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var sid in new[] { WellKnownSidType.LocalSystemSid, WellKnownSidType.BuiltinAdministratorsSid })
        {
            security.AddAccessRule(new FileSystemAccessRule(
                new SecurityIdentifier(sid, null), FileSystemRights.FullControl, InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
        }

        security.SetOwner(new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null));
        return security;
    }

    internal static IEnumerable<FolderAccessEntry> Entries(DirectorySecurity security) =>
        security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier))
            .Cast<FileSystemAccessRule>()
            .Select(rule => new FolderAccessEntry(
                Name((SecurityIdentifier)rule.IdentityReference),
                IsTrusted((SecurityIdentifier)rule.IdentityReference),
                rule.AccessControlType == AccessControlType.Allow,
                (rule.FileSystemRights & WriteRights) != 0,
                (rule.PropagationFlags & PropagationFlags.InheritOnly) == 0));

    private static bool IsTrusted(SecurityIdentifier sid) =>
        sid.IsWellKnown(WellKnownSidType.LocalSystemSid) || sid.IsWellKnown(WellKnownSidType.BuiltinAdministratorsSid) || sid.Value == TrustedInstaller;

    private static string Name(SecurityIdentifier sid)
    {
        try
        {
            return sid.Translate(typeof(NTAccount)).Value;
        }
        catch (IdentityNotMappedException)
        {
            return sid.Value;
        }
    }

    private static bool IsWithin(string folder, string root) =>
        folder.Equals(root, StringComparison.OrdinalIgnoreCase) || folder.StartsWith(root.TrimEnd('\\') + "\\", StringComparison.OrdinalIgnoreCase);
}
