using FirewallKit.Core.IO;

namespace FirewallKit.Tests.IO;

public class FolderAccessPolicyTests
{
    private static FolderAccessEntry Entry(string identity, bool trusted = false, bool allows = true, bool write = true, bool appliesToFolder = true) =>
        new(identity, trusted, allows, write, appliesToFolder);

    [Test]
    public void A_folder_only_SYSTEM_and_Administrators_can_write_is_accepted()
    {
        var writers = FolderAccessPolicy.OthersWhoCanWrite([Entry(@"NT AUTHORITY\SYSTEM", trusted: true), Entry(@"BUILTIN\Administrators", trusted: true), Entry(@"BUILTIN\Users", write: false)]);

        Assert.That(writers, Is.Empty);
    }

    [Test]
    public void Users_who_may_create_files_through_inheritance_from_ProgramData_are_named()
    {
        // %ProgramData% lets Users create files and folders, and a folder made with a plain CreateDirectory inherits it.
        var writers = FolderAccessPolicy.OthersWhoCanWrite([Entry(@"NT AUTHORITY\SYSTEM", trusted: true), Entry(@"BUILTIN\Users"), Entry(@"BUILTIN\Users")]);

        Assert.That(writers, Is.EqualTo(new[] { @"BUILTIN\Users" }));
    }

    [Test]
    public void A_deny_entry_or_an_inherit_only_entry_grants_nothing_on_the_folder()
    {
        var writers = FolderAccessPolicy.OthersWhoCanWrite([Entry("Everyone", allows: false), Entry(@"CREATOR OWNER", appliesToFolder: false)]);

        Assert.That(writers, Is.Empty);
    }

    [Test]
    public void The_refusal_names_the_folder_the_writers_and_the_fix()
    {
        var refusal = FolderAccessPolicy.Refusal(@"C:\ProgramData\FirewallKit\backups", [@"BUILTIN\Users", "Everyone"]);

        Assert.That(refusal.Problem, Is.EqualTo(@"the folder 'C:\ProgramData\FirewallKit\backups' can be written by BUILTIN\Users, Everyone, who could plant a backup for a rollback or change the log"));
        Assert.That(refusal.Fix, Does.Contain("icacls"));
    }
}
