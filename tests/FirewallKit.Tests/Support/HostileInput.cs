using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Support;

/// <summary>
/// A catalog and profile whose every free-text field tries to break out of the string it will be
/// written into: PowerShell subexpressions, backticks, a closing quote (plain and typographic),
/// line breaks, a block-comment end, and cmd.exe's %VAR% and &amp; &lt; &gt; ^. ('|' is left out:
/// the loaders refuse it, as Windows does.)
/// </summary>
public static class HostileInput
{
    /// <summary>No quote at all: only a code page that reads the arrow's UTF-8 bytes as a typographic quote (Windows-1252: â†’) lets the subexpression out.</summary>
    public const string ArrowDisplayName = "Web \u2192 + $(Remove-NetFirewallRule -All -PolicyStore PersistentStore -Confirm:$false) #";
    public const string DisplayName = "Web $(Invoke-Pwned 'dollar') `$env:PATH `n '; Invoke-Pwned 'quote'; ' \u2018typo\u2019 \u201A\u201B %PATH% & < > ^ #> <# @{} ${x}\r\nInvoke-Pwned 'newline'\n";
    public const string Flow = "clients \u2192 $(Invoke-Pwned 'flow') '; Remove-Item -Recurse -Force C:\\ ; ' \u2019; Invoke-Pwned \u2019x";
    public const string VendorDescription = "Line one\nInvoke-Pwned 'vendor' `\" ${env:TEMP} @(Invoke-Pwned) %PATH% %%X ^& \"quoted\"";
    public const string Owner = "O'Brien \u2018&\u2019 <Co>";
    public const string LocalIpcName = "IPC `; $(Invoke-Pwned 'ipc') '+(Invoke-Pwned)+' \u201B";
    public const string RuleGroup = "Group ' + $(Invoke-Pwned 'group') + \u201B [*?] ` \"";
    public const string ProfileName = "p'$(Invoke-Pwned 'profile')\n#Requires -Modules Evil\r\nInvoke-Pwned 'header'";
    public const string ProfilePath = "/tmp/evil'$(Invoke-Pwned 'path')\nInvoke-Pwned 'path'.json";

    /// <summary>The same texts without '"' and line breaks: what netsh can take.</summary>
    public static string ForNetsh(string text) => text.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static RulePlan Plan(Func<string, string>? texts = null)
    {
        var t = texts ?? (s => s);
        var catalog = new JsonObject
        {
            ["id"] = "evil",
            ["product"] = t("Evil ' $(Invoke-Pwned 'product')"),
            ["catalogVersion"] = "1",
            ["defaultRuleGroup"] = "Evil",
            ["ruleNamePrefix"] = "fwkit-evil",
            ["entries"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "web",
                    ["ports"] = new JsonArray { 443 },
                    ["protocol"] = "TCP",
                    ["component"] = "Web",
                    ["required"] = true,
                    ["role"] = "client",
                    ["displayName"] = t(DisplayName),
                    ["reachedBy"] = new JsonArray { new JsonObject { ["from"] = "clients", ["flow"] = t(Flow) } },
                    ["vendor"] = new JsonObject { ["port"] = "443", ["required"] = "Yes", ["description"] = t(VendorDescription), ["owner"] = t(Owner), ["toDisable"] = "N/A" },
                },
                new JsonObject
                {
                    ["id"] = "arrow",
                    ["ports"] = new JsonArray { 8443 },
                    ["protocol"] = "TCP",
                    ["component"] = "Web",
                    ["required"] = true,
                    ["role"] = "client",
                    ["displayName"] = t(ArrowDisplayName),
                    ["reachedBy"] = new JsonArray { new JsonObject { ["from"] = "clients", ["flow"] = t("clients \u2192 web \u2013 it\u2019s \u00E9t\u00E9") } },
                    ["vendor"] = new JsonObject { ["port"] = "8443", ["required"] = "Yes", ["description"] = t("Caf\u00E9 \u2018web\u2019 \u2192 $(Remove-NetFirewallRule -All) #"), ["owner"] = "Web", ["toDisable"] = "N/A" },
                },
                new JsonObject
                {
                    ["id"] = "ipc",
                    ["ports"] = new JsonArray { 5000 },
                    ["protocol"] = "TCP",
                    ["component"] = "Ipc",
                    ["required"] = true,
                    ["role"] = "localIpc",
                    ["displayName"] = t(LocalIpcName),
                    ["origin"] = "outside-vendor-table",
                    ["note"] = t("Note $(Invoke-Pwned 'note') '"),
                },
            },
        };
        var loaded = CatalogLoader.Reader.Parse("evil-catalog.json", Encoding.UTF8.GetBytes(catalog.ToJsonString()));
        var plan = ProfileBuilder.SingleServer()
            .Clients("10.0.0.0/8", "fd00::/16")
            .Set("ruleGroup", t(RuleGroup))
            .Set("name", t(ProfileName))
            .Plan(loaded);
        return plan with { Source = plan.Source with { Profile = t(ProfilePath) } };
    }

    /// <summary>Every text of the plan that came from the catalog or profile, as the exported script must carry it.</summary>
    public static IEnumerable<string> Texts(RulePlan plan) =>
        plan.Rules.SelectMany(r => new[] { r.DisplayName, r.Description }).Append(plan.Source.RuleGroup).Distinct();
}
