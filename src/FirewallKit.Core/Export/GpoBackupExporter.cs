using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Export;

/// <summary>
/// The plan as a GPO backup folder that <c>Import-GPO -BackupId ID -Path DIR -TargetName NAME -CreateIfNeeded</c> takes:
/// <c>manifest.xml</c>, and <c>{BackupId}\Backup.xml</c>, <c>bkupInfo.xml</c> and <c>DomainSysvol\GPO\Machine\registry.pol</c>.
/// Backup.xml has no published specification; it follows the GPMC backups of public repositories, registering the
/// Registry client-side extension with the Windows Firewall tool extension as the firewall snap-in does (docs/gpo.md
/// names the backup it was modelled on). The IDs come from the plan's hash, so the same plan gives the same folder.
/// </summary>
public static class GpoBackupExporter
{
    public const string RegistryExtension = "{35378EAC-683F-11D2-A89A-00C04FBBCFA2}";

    public const string FirewallToolExtension = "{B05566AC-FE9C-4368-BE01-7A4CBB6CBA11}";

    /// <summary>A domain name reserved never to resolve: the backup was made by no domain controller.</summary>
    private const string Domain = "fwkit.invalid";

    private const string Namespace = "http://www.microsoft.com/GroupPolicy/GPOOperations";

    /// <summary>The GPO's name: fwkit's own, after the product, the profile and (per role) the role set, never a shared GPO's.</summary>
    public static string GpoName(RulePlan plan, string? roles = null) =>
        $"fwkit {plan.Source.Product} - {plan.Source.ProfileName}" + (roles is null ? string.Empty : " - " + roles);

    /// <summary>The plain-text review of the backup: its port table and the plan's warnings, as a script's header has them.</summary>
    public const string ReviewFileName = "fwkit-plan.txt";

    /// <summary>The backup's ID, which Import-GPO -BackupId takes.</summary>
    public static Guid BackupId(RulePlan plan) => IdOf(plan, "backup");

    public static IReadOnlyList<ExportFile> Export(RulePlan plan, DateTimeOffset time, GroupPolicyLocalRules localRules = GroupPolicyLocalRules.NotManaged, NetworkProfiles profiles = NetworkProfiles.All, string? roles = null)
    {
        var pol = PolicyFile.Write(RegistryPolExporter.Values(plan, localRules, profiles, ExportFormat.GpoBackup));
        var backup = Braced(BackupId(plan));
        var gpo = Braced(IdOf(plan, "gpo"));
        var name = GpoName(plan, roles);
        var when = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var info = $"<BackupInst xmlns=\"{Namespace}/Manifest\"><GPOGuid>{CData(gpo)}</GPOGuid><GPODomain>{CData(Domain)}</GPODomain>"
            + $"<GPODomainGuid>{CData(Braced(IdOf(plan, "domain")))}</GPODomainGuid><GPODomainController>{CData("dc." + Domain)}</GPODomainController>"
            + $"<BackupTime>{CData(when)}</BackupTime><ID>{CData(backup)}</ID><Comment>{CData($"fwkit plan {plan.Hash}")}</Comment>"
            + $"<GPODisplayName>{CData(name)}</GPODisplayName></BackupInst>";
        var manifest = $"<Backups xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"{Namespace}/Manifest\" "
            + "xmlns:mfst=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\" mfst:version=\"1.0\">" + info.Replace($" xmlns=\"{Namespace}/Manifest\"", string.Empty, StringComparison.Ordinal) + "</Backups>";
        var source = $@"\\dc.{Domain}\sysvol\{Domain}\Policies\{gpo}\Machine\registry.pol";
        var xml = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            .Append($"<GroupPolicyBackupScheme bkp:version=\"2.0\" bkp:type=\"GroupPolicyBackupTemplate\" xmlns:bkp=\"{Namespace}\" xmlns=\"{Namespace}\">\r\n")
            .Append("    <GroupPolicyObject><SecurityGroups/><FilePaths/><GroupPolicyCoreSettings>")
            .Append($"<ID>{CData(gpo)}</ID><Domain>{CData(Domain)}</Domain><SecurityDescriptor/>")
            .Append($"<DisplayName>{CData(name)}</DisplayName><Options>{CData("0")}</Options>")
            .Append($"<UserVersionNumber>{CData("0")}</UserVersionNumber><MachineVersionNumber>{CData("1")}</MachineVersionNumber>")
            .Append($"<MachineExtensionGuids>{CData($"[{RegistryExtension}{FirewallToolExtension}]")}</MachineExtensionGuids><UserExtensionGuids/><WMIFilter/></GroupPolicyCoreSettings>\r\n")
            .Append($"        <GroupPolicyExtension bkp:ID=\"{RegistryExtension}\" bkp:DescName=\"Registry\">\r\n")
            .Append($"            <FSObjectFile bkp:Path=\"%GPO_MACH_FSPATH%\\registry.pol\" bkp:SourceExpandedPath=\"{source}\" bkp:Location=\"DomainSysvol\\GPO\\Machine\\registry.pol\"/>\r\n")
            .Append("        </GroupPolicyExtension>\r\n")
            .Append("    </GroupPolicyObject>\r\n")
            .Append("</GroupPolicyBackupScheme>\r\n")
            .ToString();
        return
        [
            new ExportFile("manifest.xml", Utf8(manifest)),
            new ExportFile(Path.Combine(backup, "Backup.xml"), Utf8(xml)),
            new ExportFile(Path.Combine(backup, "bkupInfo.xml"), Utf8(info)),
            new ExportFile(Path.Combine(backup, "DomainSysvol", "GPO", "Machine", "registry.pol"), pol),
            // For the reviewer of the change ticket: what the GPO opens to whom and the plan's warnings; Import-GPO reads
            // only the manifest and the backup folder, so a file beside them is left alone.
            new ExportFile(ReviewFileName, Utf8(string.Join("\r\n", [$"fwkit plan {plan.Hash} for GPO '{name}'", string.Empty, .. ScriptHeader.Lines(plan)]) + "\r\n")),
        ];
    }

    private static Guid IdOf(RulePlan plan, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"fwkit gpo {purpose} {plan.Hash} {plan.Source.ProfileName}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50); // a name-based GUID (version 5 layout)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string Braced(Guid id) => "{" + id.ToString().ToUpperInvariant() + "}";

    private static string CData(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";

    private static byte[] Utf8(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
