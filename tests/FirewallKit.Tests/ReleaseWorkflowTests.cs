using FirewallKit.Tests.Support;

namespace FirewallKit.Tests;

/// <summary>
/// The release workflow cannot run here (GitHub Actions); these pin what it must do, and its Linux-capable steps
/// were run by hand (README, "Get it").
/// </summary>
public class ReleaseWorkflowTests
{
    private static string Workflow() => File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "release.yml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void A_version_tag_starts_it()
    {
        Assert.That(Workflow(), Does.Contain("on:\n  push:\n    tags: ['v[0-9]+.[0-9]+.[0-9]+']"));
    }

    [Test]
    public void It_builds_the_native_exe_on_windows_the_single_file_fallback_the_tool_package_and_their_sums()
    {
        var workflow = Workflow();

        Assert.That(workflow, Does.Contain("runs-on: windows-"));
        Assert.That(workflow, Does.Contain("-r win-x64").And.Contain("-p:PublishAot=true"));
        Assert.That(workflow, Does.Contain("--self-contained").And.Contain("-p:PublishSingleFile=true"));
        Assert.That(workflow, Does.Contain("dotnet pack src/FirewallKit.Cli"));
        Assert.That(workflow, Does.Contain("-Algorithm SHA256").And.Contain("sha256sum -c SHA256SUMS"));
        Assert.That(workflow.IndexOf("dotnet test -c Release\n", StringComparison.Ordinal), Is.LessThan(workflow.IndexOf("PublishAot", StringComparison.Ordinal)), "the tests run before anything is built for release");
    }

    [Test]
    public void It_attaches_the_files_to_the_release_with_write_access_only_there()
    {
        var workflow = Workflow();

        Assert.That(workflow, Does.Contain("permissions:\n  contents: read"));
        Assert.That(workflow, Does.Contain("    permissions:\n      contents: write"));
        Assert.That(workflow, Does.Contain("gh release upload \"$TAG\" release/*"));
    }
}
