using System.Reflection;
using FirewallKit.Cli;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Catalog;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

public class VersionTests
{
    [Test]
    public void Version_prints_the_tool_version_the_commit_and_the_embedded_catalog()
    {
        var stamped = typeof(FwkitCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = CliRunner.Run("--version");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        var lines = result.Out.Split('\n');
        Assert.That(lines[0], Is.EqualTo("fwkit " + typeof(FwkitCli).Assembly.GetName().Version!.ToString(3)));
        Assert.That(lines[1], Does.StartWith("commit   "));
        if (stamped.Contains('+', StringComparison.Ordinal))
        {
            Assert.That(stamped.Split('+')[1], Does.StartWith(lines[1]["commit   ".Length..]), "the commit the build stamped");
        }

        Assert.That(lines[2], Is.EqualTo("catalog  printeron 2026.11.1 (PrinterOn Print Server, embedded)"));
    }

    [Test]
    public void A_build_from_git_names_its_commit_in_short()
    {
        var text = VersionFormatter.Text("0.1.0+4dce20e7f380db797afc66576c5e01df33855513", CatalogLoader.LoadEmbedded());

        Assert.That(text, Is.EqualTo("fwkit 0.1.0\ncommit   4dce20e7f380\ncatalog  printeron 2026.11.1 (PrinterOn Print Server, embedded)\n"));
    }

    [Test]
    public void A_build_without_git_says_the_commit_is_unknown_and_how_to_record_it()
    {
        var text = VersionFormatter.Text("0.1.0", CatalogLoader.LoadEmbedded());

        Assert.That(text, Does.StartWith("fwkit 0.1.0\ncommit   unknown (built outside a git checkout; build with -p:SourceRevisionId=<commit> to record it)\n"));
    }
}
