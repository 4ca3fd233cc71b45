using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using FirewallKit.Core.IO;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>The real access lists: fwkit's data folder is private, and a folder Users can write to is refused.</summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
public class WindowsFolderGuardTests
{
    private TempDirectory _files = null!;

    [SetUp]
    public void Folder()
    {
        _files = new TempDirectory();
        Directory.CreateDirectory(_files.Path);
    }

    [TearDown]
    public void Delete() => _files.Dispose();

    [Test]
    public void The_data_folder_is_created_with_SYSTEM_and_Administrators_only_and_inherits_nothing()
    {
        var root = Path.Combine(_files.Path, "FirewallKit");

        new WindowsFolderGuard(root).Prepare(Path.Combine(root, "backups"));

        var security = new DirectoryInfo(root).GetAccessControl();
        var rules = security.GetAccessRules(true, true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>().ToList();
        Assert.That(security.AreAccessRulesProtected, Is.True);
        Assert.That(rules.Select(r => ((SecurityIdentifier)r.IdentityReference).Value).Order(), Is.EqualTo(new[]
        {
            new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null).Value,
            new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null).Value,
        }.Order()));
        Assert.That(FolderAccessPolicy.OthersWhoCanWrite(WindowsFolderGuard.Entries(new DirectoryInfo(Path.Combine(root, "backups")).GetAccessControl())), Is.Empty);
    }

    [Test]
    public void A_folder_Users_can_write_to_is_refused()
    {
        var open = new DirectoryInfo(Path.Combine(_files.Path, "open"));
        var security = new DirectorySecurity();
        security.AddAccessRule(new FileSystemAccessRule(new SecurityIdentifier(WellKnownSidType.BuiltinUsersSid, null), FileSystemRights.Modify, AccessControlType.Allow));
        open.Create(security);

        var refusal = Assert.Throws<FileRefusedException>(() => new WindowsFolderGuard(Path.Combine(_files.Path, "FirewallKit")).Prepare(open.FullName))!;

        Assert.That(refusal.Problem, Does.Contain("can be written by").And.Contain("Users"));
    }
}
