using System.Globalization;
using System.Text.RegularExpressions;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Reads the English text of <c>netsh advfirewall firewall show rule name=all dir=in verbose</c>, optionally
/// preceded by <c>netsh advfirewall show allprofiles</c>: blocks that start <c>Rule Name:</c>, then a line of
/// dashes, then <c>Field:</c> lines padded to a column (a field netsh has nothing for is left out), each output
/// ending <c>Ok.</c>. netsh localises both labels and values, so other languages are refused with a pointer
/// to the PowerShell dump, which is not localised.
/// </summary>
public static partial class NetshDumpParser
{
    public const string Format = "netsh";

    public const string Command = "netsh advfirewall firewall show rule name=all dir=in verbose";

    private const string RemakeFix = "save the dump again with `" + Command + "` on English Windows, or use the PowerShell dump from docs/audit.md";

    /// <summary>netsh prints descriptions raw, so a description can hold text that reads as fields or sections: only other forms settle it.</summary>
    private const string AmbiguousFix =
        "read the rules from the PowerShell (JSON) dump in docs/audit.md, which quotes every description; a `netsh advfirewall export` (.wfw) file is unambiguous too, but audit does not read it yet";

    private static readonly string[] Labels =
    [
        "Rule Name", "Description", "Enabled", "Direction", "Profiles", "Grouping", "LocalIP", "RemoteIP", "Protocol",
        "LocalPort", "RemotePort", "Edge traversal", "Program", "Service", "InterfaceTypes", "Security", "Rule source", "Action",
    ];

    /// <summary>Fields only <c>verbose</c> prints; without them Program and Service scopes would be invisible.</summary>
    private static readonly string[] VerboseOnly = ["InterfaceTypes", "Security", "Rule source"];

    [GeneratedRegex(@"^(Domain|Private|Public) Profile Settings:$")]
    private static partial Regex ProfileHeader();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z ]{0,40}:(\s|$)")]
    private static partial Regex LabelLike();

    /// <summary>
    /// Text that is not English netsh output but often handed in for it: PowerShell's Format-List or Format-Table of
    /// Get-NetFirewallRule, or netsh in another display language. Named in one line with what to use instead, rather
    /// than as one error per line.
    /// </summary>
    private static (string Where, string What, string Fix)? OtherForm(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Take(200).Select(l => l.TrimEnd()).ToList();
        if (lines.Any(l => l.StartsWith("Rule Name:", StringComparison.Ordinal)))
        {
            // English netsh: whatever else it holds (a description's own lines) is the parser's to judge.
            return null;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"line {i + 1}");
            if (PowerShellListLine().IsMatch(line) || (i + 1 < lines.Count && PowerShellTableRule().IsMatch(lines[i + 1]) && line.Contains("Name", StringComparison.Ordinal)))
            {
                return (where, "this is PowerShell formatted text (Format-List or Format-Table output), which fwkit cannot read reliably",
                    "use the JSON one-liner in docs/audit.md, or the .wfw of `netsh advfirewall export`");
            }

            if (NetshHeading().Match(line) is { Success: true } heading && i + 1 < lines.Count && lines[i + 1].Trim().Length > 20 && lines[i + 1].Trim().All(c => c == '-')
                && heading.Groups[1].Value is not ("Rule Name" or "Domain Profile Settings" or "Private Profile Settings" or "Public Profile Settings"))
            {
                return (where, $"this netsh output is not in English ('{Shorten(line.Trim())}')",
                    "use the .wfw of `netsh advfirewall export` (any language) or the JSON one-liner in docs/audit.md");
            }
        }

        return null;
    }

    /// <summary>Format-List: a property name, spaces, then " : " (netsh puts the colon right after the label).</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*\s+: ")]
    private static partial Regex PowerShellListLine();

    /// <summary>Format-Table's underline: groups of dashes separated by spaces.</summary>
    [GeneratedRegex(@"^-{2,}( +-{2,})+$")]
    private static partial Regex PowerShellTableRule();

    /// <summary>A block heading as netsh prints it in any language: a label, a colon, the value (or nothing).</summary>
    [GeneratedRegex(@"^([^:\s][^:]{1,60}?):(\s.*)?$")]
    private static partial Regex NetshHeading();

    public static ObservedFirewall Parse(string file, string text)
    {
        if (OtherForm(text) is { } other)
        {
            throw new InputException(file, other.Where, other.What, other.Fix);
        }

        var errors = new InputErrors(file);
        var rules = new List<StoredRule>();
        var profiles = new List<ProfileState>();
        var ignoredFields = new SortedSet<string>(StringComparer.Ordinal);
        var ambiguous = new List<InputError>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        RuleBlock? rule = null;
        RuleBlock? previousRule = null;
        ProfileBlock? profile = null;
        var expectDashes = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].TrimEnd();
            var trimmed = line.Trim();
            if (expectDashes)
            {
                if (trimmed.Length == 0)
                {
                    continue;
                }

                expectDashes = false;
                if (trimmed.All(c => c == '-'))
                {
                    continue;
                }

                errors.Add(At(number), "expected the line of dashes that follows a block's heading", RemakeFix);
            }

            // A rule's description runs until its Enabled line; nothing in it may close the rule or open a section.
            if (rule is { DescriptionOpen: true } && !rule.EndsDescription(line))
            {
                if (LooksLikeStructure(line))
                {
                    Ambiguous(rule, number, trimmed);
                }

                rule.AddDescriptionLine(line);
                continue;
            }

            if (trimmed.StartsWith("Rule Name:", StringComparison.Ordinal))
            {
                Finish();
                var ruleName = trimmed["Rule Name:".Length..].Trim();
                if (ruleName.Length > TextLimits.Description)
                {
                    // Names go into every row of the audit's table: a huge one would cost its length times the ports.
                    errors.Add(At(number), string.Create(CultureInfo.InvariantCulture, $"the rule name is {ruleName.Length:N0} characters long, more than the {TextLimits.Description:N0} allowed"), RemakeFix);
                    ruleName = ruleName[..TextLimits.Name];
                }

                rule = new RuleBlock(number, ruleName);
                expectDashes = true;
                continue;
            }

            if (ProfileHeader().Match(trimmed) is { Success: true } header)
            {
                Finish();
                profile = new ProfileBlock(DumpValues.Profiles(header.Groups[1].Value)!.Value);
                expectDashes = true;
                continue;
            }

            if (trimmed is "Ok." or "No rules match the specified criteria.")
            {
                Finish();
                continue;
            }

            if (rule is not null)
            {
                if (trimmed.Length == 0)
                {
                    Finish();
                }
                else
                {
                    rule.Add(line, number, errors, ignoredFields);
                }

                continue;
            }

            // Rule fields after a rule was closed are the tail of a description that faked a section or the end of output.
            if (previousRule is not null && IsRuleField(line))
            {
                Ambiguous(previousRule, number, trimmed);
                continue;
            }

            if (profile is not null)
            {
                profile.Add(trimmed, number, errors);
                continue;
            }

            if (trimmed.Length > 0)
            {
                errors.Add(At(number), $"unexpected text outside a rule: '{Shorten(trimmed)}'",
                    "the file must hold only the output of `" + Command + "` (English), optionally after `netsh advfirewall show allprofiles`");
            }
        }

        Finish();
        if (rules.Count == 0 && !errors.Any && !text.Contains("No rules match", StringComparison.Ordinal))
        {
            errors.Add("line 1", "no 'Rule Name:' block found", RemakeFix);
        }

        // The ambiguity explains the other errors a hidden rule causes, so it alone is reported.
        if (ambiguous.Count > 0)
        {
            throw new InputException(ambiguous);
        }

        errors.ThrowSummaryIfAny();

        var notes = new List<string>();
        if (ignoredFields.Count > 0)
        {
            notes.Add($"fields the audit does not evaluate were ignored: {string.Join(", ", ignoredFields)}");
        }

        var unscoped = rules.Count(r => !r.ScopesKnown);
        if (unscoped > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unscoped} of {rules.Count} rules were printed without 'verbose', so their program, service and interface scopes are unknown: their allow rules count as may let in and their block rules as may keep out. For exact verdicts use `{Command}`, the .wfw of `netsh advfirewall export` or the JSON one-liner in docs/audit.md"));
        }

        MappedAddressNotes.Add(rules, notes);
        return new ObservedFirewall(file, Format, rules, DumpProfiles.Complete(profiles, notes, "`netsh advfirewall show allprofiles`"), notes);

        void Ambiguous(RuleBlock suspect, int number, string trimmed)
        {
            // One error a rule: the first line that gives it away is enough to act on.
            if (suspect.MarkedAmbiguous)
            {
                return;
            }

            suspect.MarkedAmbiguous = true;
            ambiguous.Add(new InputError(file, At(number),
                $"the dump is ambiguous: rule '{suspect.Name}' ({At(suspect.Line)}) has a description line, or is followed by a line, that netsh could also print as a field label, a section header or a separator ('{Shorten(trimmed)}'), so the rule's real fields cannot be told from text in its description",
                AmbiguousFix));
        }

        void Finish()
        {
            if (rule is not null && rule.Build(file, errors) is { } built)
            {
                rules.Add(built);
            }

            previousRule = rule ?? previousRule;

            if (profile is not null)
            {
                profiles.Add(profile.Build());
            }

            rule = null;
            profile = null;
        }
    }

    private static bool IsRuleField(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !char.IsWhiteSpace(line[0]) && Labels.Contains(line[..colon].Trim(), StringComparer.Ordinal);
    }

    /// <summary>A line netsh itself could print between or inside blocks: a label, a heading, a separator, the end of output, a gap.</summary>
    private static bool LooksLikeStructure(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0
            || trimmed.All(c => c == '-')
            || trimmed is "Ok." or "No rules match the specified criteria."
            || ProfileHeader().IsMatch(trimmed)
            || LabelLike().IsMatch(trimmed)
            || trimmed.EndsWith(':');
    }

    private static string At(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The fields of one rule block as netsh printed them.</summary>
    private sealed class RuleBlock(int line, string name)
    {
        private readonly Dictionary<string, (string Value, int Line)> _fields = new(StringComparer.Ordinal);

        // A field's continuation lines, joined only when the field is read: appending to one string would copy it
        // again for every line, which a description of 100,000 lines turns into minutes.
        private readonly Dictionary<string, List<string>> _continued = new(StringComparer.Ordinal);
        private string? _last;

        public string Name => name;

        public int Line => line;

        public bool MarkedAmbiguous { get; set; }

        /// <summary>Description is printed first and Enabled right after it; until then every line is description text.</summary>
        public bool DescriptionOpen => _last == "Description";

        public bool EndsDescription(string text) =>
            text.StartsWith("Enabled:", StringComparison.Ordinal);

        public void AddDescriptionLine(string text) => Continue("Description", text);

        private void Continue(string label, string text)
        {
            if (!_continued.TryGetValue(label, out var lines))
            {
                _continued[label] = lines = [];
            }

            lines.Add(text.Trim());
        }

        public void Add(string line, int number, InputErrors errors, ISet<string> ignored)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var label = colon > 0 ? line[..colon].Trim() : null;
            if (label is not null && Labels.Contains(label, StringComparer.Ordinal) && !char.IsWhiteSpace(line[0]))
            {
                if (!_fields.TryAdd(label, (line[(colon + 1)..].Trim(), number)))
                {
                    // With a description, the first copy may be text in it: say so rather than guess which one is real.
                    errors.Add(At(number), _fields.ContainsKey("Description")
                        ? $"the dump is ambiguous: '{label}' appears twice in rule '{name}' (line {line}); its description may hold text that reads as fields"
                        : $"'{label}' appears twice in the rule that starts on line {line}",
                        _fields.ContainsKey("Description") ? AmbiguousFix : RemakeFix);
                }

                _last = label;
                return;
            }

            // ICMP type/code tables and long descriptions continue on lines of their own.
            if (char.IsWhiteSpace(line[0]) || _last == "Description")
            {
                if (_last is not null && _fields.ContainsKey(_last))
                {
                    Continue(_last, line);
                }

                return;
            }

            if (LabelLike().IsMatch(line))
            {
                ignored.Add(label!);
                _last = label;
                return;
            }

            errors.Add(At(number), $"'{Shorten(line.Trim())}' is not a field netsh prints", RemakeFix);
        }

        public StoredRule? Build(string file, InputErrors errors)
        {
            var where = At(line);
            // Without 'verbose' netsh prints no program, service, interface-type, security or source lines: the rule
            // is read, and its scopes count as unknown.
            var verbose = VerboseOnly.Any(_fields.ContainsKey);

            string? Value(string label) => _fields.TryGetValue(label, out var field)
                ? _continued.TryGetValue(label, out var more) ? field.Value + "\n" + string.Join("\n", more) : field.Value
                : null;
            string Where(string label) => _fields.TryGetValue(label, out var field) ? At(field.Line) : where;
            string Required(string label)
            {
                var value = Value(label);
                if (value is null)
                {
                    errors.Add(where, $"rule '{name}' has no '{label}:' line", RemakeFix);
                }

                return value ?? string.Empty;
            }

            T Choose<T>(string label, string fix, T fallback, params (string Text, T Value)[] choices)
            {
                var text = Required(label);
                foreach (var (choice, value) in choices)
                {
                    if (string.Equals(text, choice, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                if (text.Length > 0)
                {
                    errors.Add(Where(label), $"'{label}: {text}' is not a value netsh prints", fix);
                }

                return fallback;
            }

            var enabled = Choose("Enabled", "netsh prints Yes or No", false, ("Yes", true), ("No", false));
            var direction = Choose("Direction", "netsh prints In or Out", RuleDirection.Inbound, ("In", RuleDirection.Inbound), ("Out", RuleDirection.Outbound));
            var action = Choose("Action", "netsh prints Allow, Block or Bypass", RuleAction.Allow, ("Allow", RuleAction.Allow), ("Block", RuleAction.Block), ("Bypass", RuleAction.Bypass));
            var profilesText = Required("Profiles");
            var profiles = DumpValues.Profiles(profilesText);
            if (profiles is null && profilesText.Length > 0)
            {
                errors.Add(Where("Profiles"), $"'Profiles: {profilesText}' is not a list of firewall profiles", DumpValues.ProfileForms);
            }

            // ICMP rules carry a "Type Code" table on the lines after Protocol; only the first line names the protocol.
            var protocolText = Required("Protocol").Split('\n')[0];
            var protocol = DumpValues.Protocol(protocolText, errors, Where("Protocol"));
            var edge = Value("Edge traversal") switch
            {
                null or "No" => EdgeTraversal.Block,
                "Yes" => EdgeTraversal.Allow,
                "Defer to user" => EdgeTraversal.DeferToUser,
                "Defer to application" => EdgeTraversal.DeferToApp,
                var other => Invalid(errors, Where("Edge traversal"), $"'Edge traversal: {other}' is not a value netsh prints", EdgeTraversal.Block),
            };
            var interfaceText = Value("InterfaceTypes") ?? "Any";
            var interfaces = DumpValues.InterfaceTypes(interfaceText)
                ?? Invalid(errors, Where("InterfaceTypes"), $"'InterfaceTypes: {interfaceText}' is not a value netsh prints", InterfaceTypes.Any);
            var store = Value("Rule source") switch
            {
                null => RuleStore.Unknown,
                "Local Setting" => RuleStore.Local,
                "Group Policy" => RuleStore.GroupPolicy,
                _ => RuleStore.Other,
            };

            return new StoredRule
            {
                Id = null,
                DisplayName = name,
                Description = Value("Description") ?? string.Empty,
                Group = Value("Grouping") ?? string.Empty,
                Enabled = enabled,
                Direction = direction,
                Action = action,
                Protocol = protocol,
                LocalPorts = DumpValues.Ports(List(Value("LocalPort")), errors, Where("LocalPort")),
                RemotePorts = DumpValues.Ports(List(Value("RemotePort")), errors, Where("RemotePort")),
                LocalAddresses = DumpValues.Addresses(List(Required("LocalIP")), errors, Where("LocalIP")),
                RemoteAddresses = DumpValues.Addresses(List(Required("RemoteIP")), errors, Where("RemoteIP")),
                Program = DumpValues.Program(Value("Program")),
                Service = DumpValues.Program(Value("Service")),
                Profiles = profiles ?? NetworkProfiles.All,
                EdgeTraversal = edge,
                InterfaceTypes = interfaces,
                Security = DumpValues.Security(Value("Security")),
                Store = store,
                Location = where,
                ScopesKnown = verbose,
            };
        }

        private static IReadOnlyList<string> List(string? value) =>
            value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static T Invalid<T>(InputErrors errors, string where, string message, T fallback)
        {
            errors.Add(where, message, RemakeFix);
            return fallback;
        }
    }

    /// <summary>One "X Profile Settings:" section of <c>netsh advfirewall show allprofiles</c>; settings lines are "Name   Value" with no colon.</summary>
    private sealed class ProfileBlock(NetworkProfiles profile)
    {
        private bool? _enabled;
        private RuleAction _inbound = RuleAction.Block;
        private bool _allowInboundRules = true;
        private bool _allowLocal = true;

        public void Add(string trimmed, int number, InputErrors errors)
        {
            if (Setting(trimmed, "State") is { } state)
            {
                _enabled = state switch
                {
                    "ON" => true,
                    "OFF" => false,
                    _ => Invalid(errors, number, $"'State {state}' is not ON or OFF"),
                };
            }
            else if (Setting(trimmed, "Firewall Policy") is { } policy)
            {
                switch (policy.Split(',')[0].Trim())
                {
                    case "BlockInbound" or "NotConfigured":
                        break;
                    case "AllowInbound":
                        _inbound = RuleAction.Allow;
                        break;
                    case "BlockInboundAlways":
                        _allowInboundRules = false;
                        break;
                    default:
                        Invalid(errors, number, $"'Firewall Policy {policy}' does not start with BlockInbound, AllowInbound or BlockInboundAlways");
                        break;
                }
            }
            else if (Setting(trimmed, "LocalFirewallRules") is { } local)
            {
                // The local store prints "N/A (GPO-store only)": only a GPO store can refuse local rules.
                _allowLocal = !local.StartsWith("Disable", StringComparison.OrdinalIgnoreCase);
            }
        }

        public ProfileState Build() =>
            new(profile, _enabled ?? true, _inbound, _allowInboundRules, _allowLocal, Known: _enabled is not null);

        private static string? Setting(string trimmed, string name) =>
            trimmed.StartsWith(name + " ", StringComparison.Ordinal) ? trimmed[name.Length..].Trim() : null;

        private static bool Invalid(InputErrors errors, int number, string message)
        {
            errors.Add(At(number), message, "save the profiles again with `netsh advfirewall show allprofiles` on English Windows");
            return true;
        }
    }
}
