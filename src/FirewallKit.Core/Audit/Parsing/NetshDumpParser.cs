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

    [GeneratedRegex(@"^[A-Za-z][A-Za-z ]{0,40}:(\s|$)")]
    private static partial Regex LabelLike();

    /// <summary>How many lines at the start of a file tell whether it is netsh's English text or another form.</summary>
    private const int HeadLines = 200;

    /// <summary>
    /// Text that is not English netsh output but often handed in for it: PowerShell's Format-List or Format-Table of
    /// Get-NetFirewallRule, or netsh in another display language. Named in one line with what to use instead, rather
    /// than as one error per line.
    /// </summary>
    private static (string Where, string What, string Fix)? OtherForm(IReadOnlyList<string> head)
    {
        var lines = head.Select(l => l.TrimEnd()).ToList();
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

    public static ObservedFirewall Parse(string file, string text) => Parse(file, new StringReader(text));

    /// <summary>Parses the dump line by line as <paramref name="reader"/> gives it.</summary>
    public static ObservedFirewall Parse(string file, TextReader reader)
    {
        var lines = new DumpLines(reader);
        if (OtherForm(lines.Head(HeadLines)) is { } other)
        {
            throw new InputException(file, other.Where, other.What, other.Fix);
        }

        var errors = new InputErrors(file);
        var values = new DumpFieldValues();
        var fields = new RuleBlock.Fields();
        var rules = new List<StoredRule>();
        var profiles = new List<ProfileState>();
        var ignoredFields = new SortedSet<string>(StringComparer.Ordinal);
        var ambiguous = new List<InputError>();
        var saysNoRulesMatch = false;

        RuleBlock? rule = null;
        RuleBlock? previousRule = null;
        ProfileBlock? profile = null;
        var expectDashes = false;
        var number = 0;
        while (lines.TryRead(out var raw))
        {
            number++;
            var line = raw.TrimEnd();
            var trimmed = line.Trim();
            if (rules.Count == 0 && rule is null && raw.Contains(NoRulesMatch, StringComparison.Ordinal))
            {
                // Only matters when no rule follows: then the dump says so itself.
                saysNoRulesMatch = true;
            }

            if (expectDashes)
            {
                if (trimmed.IsEmpty)
                {
                    continue;
                }

                expectDashes = false;
                if (IsDashes(trimmed))
                {
                    continue;
                }

                errors.Add(At(number), "expected the line of dashes that follows a block's heading", RemakeFix);
            }

            // A rule's description runs until its Enabled line; nothing in it may close the rule or open a section.
            if (rule is { DescriptionOpen: true } && !RuleBlock.EndsDescription(line))
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

                rule = new RuleBlock(number, ruleName.ToString(), values, fields);
                expectDashes = true;
                continue;
            }

            if (ProfileHeader(trimmed) is { } header)
            {
                Finish();
                profile = new ProfileBlock(header);
                expectDashes = true;
                continue;
            }

            if (IsEndOfOutput(trimmed))
            {
                Finish();
                continue;
            }

            if (rule is not null)
            {
                if (trimmed.IsEmpty)
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
                profile.Add(trimmed.ToString(), number, errors);
                continue;
            }

            if (trimmed.Length > 0)
            {
                errors.Add(At(number), $"unexpected text outside a rule: '{Shorten(trimmed.ToString())}'",
                    "the file must hold only the output of `" + Command + "` (English), optionally after `netsh advfirewall show allprofiles`");
            }
        }

        Finish();
        if (rules.Count == 0 && !errors.Any && !saysNoRulesMatch)
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

        void Ambiguous(RuleBlock suspect, int number, ReadOnlySpan<char> trimmed)
        {
            // One error a rule: the first line that gives it away is enough to act on.
            if (suspect.MarkedAmbiguous)
            {
                return;
            }

            suspect.MarkedAmbiguous = true;
            ambiguous.Add(new InputError(file, At(number),
                $"the dump is ambiguous: rule '{suspect.Name}' ({At(suspect.Line)}) has a description line, or is followed by a line, that netsh could also print as a field label, a section header or a separator ('{Shorten(trimmed.ToString())}'), so the rule's real fields cannot be told from text in its description",
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

    private const string NoRulesMatch = "No rules match";

    private static bool IsDashes(ReadOnlySpan<char> trimmed) => !trimmed.ContainsAnyExcept('-');

    private static bool IsEndOfOutput(ReadOnlySpan<char> trimmed) =>
        trimmed.SequenceEqual("Ok.") || trimmed.SequenceEqual("No rules match the specified criteria.");

    /// <summary>The profile of a "Domain Profile Settings:" heading (Private, Public), or null for any other line.</summary>
    private static NetworkProfiles? ProfileHeader(ReadOnlySpan<char> trimmed) =>
        trimmed.SequenceEqual("Domain Profile Settings:") ? NetworkProfiles.Domain
        : trimmed.SequenceEqual("Private Profile Settings:") ? NetworkProfiles.Private
        : trimmed.SequenceEqual("Public Profile Settings:") ? NetworkProfiles.Public
        : null;

    /// <summary>The index of a label in <see cref="Labels"/>, or -1.</summary>
    private static int LabelIndex(ReadOnlySpan<char> label)
    {
        for (var i = 0; i < Labels.Length; i++)
        {
            if (label.SequenceEqual(Labels[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsRuleField(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 && !char.IsWhiteSpace(line[0]) && LabelIndex(line[..colon].Trim()) >= 0;
    }

    /// <summary>A line netsh itself could print between or inside blocks: a label, a heading, a separator, the end of output, a gap.</summary>
    private static bool LooksLikeStructure(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.IsEmpty
            || IsDashes(trimmed)
            || IsEndOfOutput(trimmed)
            || ProfileHeader(trimmed) is not null
            || LabelLike().IsMatch(trimmed)
            || trimmed.EndsWith(':');
    }

    private static string At(int line) => DumpFieldValues.At(line);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The fields of one rule block as netsh printed them.</summary>
    private sealed class RuleBlock
    {
        private readonly int _line;
        private readonly string _name;
        private readonly DumpFieldValues _pool;

        /// <summary>What <see cref="_last"/> holds after a label the audit does not read.</summary>
        private const int OtherLabel = -2;

        private static readonly int DescriptionField = Array.IndexOf(Labels, "Description");
        private static readonly int EnabledField = Array.IndexOf(Labels, "Enabled");
        private static readonly int DirectionField = Array.IndexOf(Labels, "Direction");
        private static readonly int ProfilesField = Array.IndexOf(Labels, "Profiles");
        private static readonly int GroupingField = Array.IndexOf(Labels, "Grouping");
        private static readonly int LocalIpField = Array.IndexOf(Labels, "LocalIP");
        private static readonly int RemoteIpField = Array.IndexOf(Labels, "RemoteIP");
        private static readonly int ProtocolField = Array.IndexOf(Labels, "Protocol");
        private static readonly int LocalPortField = Array.IndexOf(Labels, "LocalPort");
        private static readonly int RemotePortField = Array.IndexOf(Labels, "RemotePort");
        private static readonly int EdgeField = Array.IndexOf(Labels, "Edge traversal");
        private static readonly int ProgramField = Array.IndexOf(Labels, "Program");
        private static readonly int ServiceField = Array.IndexOf(Labels, "Service");
        private static readonly int InterfaceTypesField = Array.IndexOf(Labels, "InterfaceTypes");
        private static readonly int SecurityField = Array.IndexOf(Labels, "Security");
        private static readonly int SourceField = Array.IndexOf(Labels, "Rule source");
        private static readonly int ActionField = Array.IndexOf(Labels, "Action");
        private static readonly int[] VerboseFields = [.. VerboseOnly.Select(l => Array.IndexOf(Labels, l))];

        private static readonly (string Text, bool Value)[] EnabledValues = [("Yes", true), ("No", false)];
        private static readonly (string Text, RuleDirection Value)[] DirectionValues = [("In", RuleDirection.Inbound), ("Out", RuleDirection.Outbound)];
        private static readonly (string Text, RuleAction Value)[] ActionValues = [("Allow", RuleAction.Allow), ("Block", RuleAction.Block), ("Bypass", RuleAction.Bypass)];

        private readonly string?[] _values;
        private readonly int[] _lines;

        // A field's continuation lines, joined only when the field is read: appending to one string would copy it
        // again for every line, which a description of 100,000 lines turns into minutes.
        private List<string>?[]? _continued;
        private int _last = -1;

        /// <param name="fields">The one rule being read holds them; a closed rule keeps only its name and line.</param>
        public RuleBlock(int line, string name, DumpFieldValues values, Fields fields)
        {
            _line = line;
            _name = name;
            _pool = values;
            Array.Clear(fields.Values);
            Array.Clear(fields.Lines);
            _values = fields.Values;
            _lines = fields.Lines;
        }

        public string Name => _name;

        public int Line => _line;

        public bool MarkedAmbiguous { get; set; }

        /// <summary>Description is printed first and Enabled right after it; until then every line is description text.</summary>
        public bool DescriptionOpen => _last == DescriptionField;

        public static bool EndsDescription(ReadOnlySpan<char> text) =>
            text.StartsWith("Enabled:", StringComparison.Ordinal);

        public void AddDescriptionLine(ReadOnlySpan<char> text) => Continue(DescriptionField, text);

        private void Continue(int field, ReadOnlySpan<char> text)
        {
            _continued ??= new List<string>?[Labels.Length];
            (_continued[field] ??= []).Add(_pool.Text(text.Trim()));
        }

        public void Add(ReadOnlySpan<char> line, int number, InputErrors errors, ISet<string> ignored)
        {
            var colon = line.IndexOf(':');
            var field = colon > 0 ? LabelIndex(line[..colon].Trim()) : -1;
            if (field >= 0 && !char.IsWhiteSpace(line[0]))
            {
                if (_values[field] is null)
                {
                    _values[field] = _pool.Text(line[(colon + 1)..].Trim());
                    _lines[field] = number;
                }
                else
                {
                    // With a description, the first copy may be text in it: say so rather than guess which one is real.
                    var label = Labels[field];
                    var described = _values[DescriptionField] is not null;
                    errors.Add(At(number), described
                        ? $"the dump is ambiguous: '{label}' appears twice in rule '{_name}' (line {line}); its description may hold text that reads as fields"
                        : $"'{label}' appears twice in the rule that starts on line {line}",
                        described ? AmbiguousFix : RemakeFix);
                }

                _last = field;
                return;
            }

            // ICMP type/code tables and long descriptions continue on lines of their own.
            if (char.IsWhiteSpace(line[0]) || _last == DescriptionField)
            {
                if (_last >= 0)
                {
                    Continue(_last, line);
                }

                return;
            }

            if (LabelLike().IsMatch(line))
            {
                ignored.Add(line[..colon].Trim().ToString());
                _last = OtherLabel;
                return;
            }

            errors.Add(At(number), $"'{Shorten(line.Trim().ToString())}' is not a field netsh prints", RemakeFix);
        }

        public StoredRule? Build(string file, InputErrors errors)
        {
            var where = At(_line);
            // Without 'verbose' netsh prints no program, service, interface-type, security or source lines: the rule
            // is read, and its scopes count as unknown.
            var verbose = false;
            foreach (var field in VerboseFields)
            {
                verbose |= _values[field] is not null;
            }

            string? Value(int field) => _values[field] is { } value
                ? _continued?[field] is { } more ? value + "\n" + string.Join("\n", more) : value
                : null;
            int LineOf(int field) => _values[field] is not null ? _lines[field] : _line;
            string Where(int field) => At(LineOf(field));
            string Required(int field)
            {
                var value = Value(field);
                if (value is null)
                {
                    errors.Add(where, $"rule '{_name}' has no '{Labels[field]}:' line", RemakeFix);
                }

                return value ?? string.Empty;
            }

            T Choose<T>(int field, string fix, T fallback, (string Text, T Value)[] choices)
            {
                var text = Required(field);
                foreach (var (choice, value) in choices)
                {
                    if (string.Equals(text, choice, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                if (text.Length > 0)
                {
                    errors.Add(Where(field), $"'{Labels[field]}: {text}' is not a value netsh prints", fix);
                }

                return fallback;
            }

            var enabled = Choose(EnabledField, "netsh prints Yes or No", false, EnabledValues);
            var direction = Choose(DirectionField, "netsh prints In or Out", RuleDirection.Inbound, DirectionValues);
            var action = Choose(ActionField, "netsh prints Allow, Block or Bypass", RuleAction.Allow, ActionValues);
            var profilesText = Required(ProfilesField);
            var profiles = _pool.Profiles(profilesText);
            if (profiles is null && profilesText.Length > 0)
            {
                errors.Add(Where(ProfilesField), $"'Profiles: {profilesText}' is not a list of firewall profiles", DumpValues.ProfileForms);
            }

            // ICMP rules carry a "Type Code" table on the lines after Protocol; only the first line names the protocol.
            var protocolText = Required(ProtocolField);
            if (protocolText.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0)
            {
                protocolText = protocolText[..end];
            }

            var protocol = IpProtocol.TryParse(protocolText) ?? DumpValues.Protocol(protocolText, errors, Where(ProtocolField));
            var edge = Value(EdgeField) switch
            {
                null or "No" => EdgeTraversal.Block,
                "Yes" => EdgeTraversal.Allow,
                "Defer to user" => EdgeTraversal.DeferToUser,
                "Defer to application" => EdgeTraversal.DeferToApp,
                var other => Invalid(errors, Where(EdgeField), $"'Edge traversal: {other}' is not a value netsh prints", EdgeTraversal.Block),
            };
            var interfaceText = Value(InterfaceTypesField) ?? "Any";
            var interfaces = DumpValues.InterfaceTypes(interfaceText)
                ?? Invalid(errors, Where(InterfaceTypesField), $"'InterfaceTypes: {interfaceText}' is not a value netsh prints", InterfaceTypes.Any);
            var store = Value(SourceField) switch
            {
                null => RuleStore.Unknown,
                "Local Setting" => RuleStore.Local,
                "Group Policy" => RuleStore.GroupPolicy,
                _ => RuleStore.Other,
            };

            return new StoredRule
            {
                Id = null,
                DisplayName = _name,
                Description = Value(DescriptionField) ?? string.Empty,
                Group = Value(GroupingField) ?? string.Empty,
                Enabled = enabled,
                Direction = direction,
                Action = action,
                Protocol = protocol,
                LocalPorts = _pool.Ports(Value(LocalPortField), errors, LineOf(LocalPortField)),
                RemotePorts = _pool.Ports(Value(RemotePortField), errors, LineOf(RemotePortField)),
                LocalAddresses = _pool.Addresses(Required(LocalIpField), errors, LineOf(LocalIpField)),
                RemoteAddresses = _pool.Addresses(Required(RemoteIpField), errors, LineOf(RemoteIpField)),
                Program = DumpValues.Program(Value(ProgramField)),
                Service = DumpValues.Program(Value(ServiceField)),
                Profiles = profiles ?? NetworkProfiles.All,
                EdgeTraversal = edge,
                InterfaceTypes = interfaces,
                Security = DumpValues.Security(Value(SecurityField)),
                Store = store,
                Location = where,
                ScopesKnown = verbose,
            };
        }

        private static T Invalid<T>(InputErrors errors, string where, string message, T fallback)
        {
            errors.Add(where, message, RemakeFix);
            return fallback;
        }

        /// <summary>
        /// A rule's field values and their lines, by the label's index in <see cref="Labels"/> (a rule has at most one of
        /// each): a dictionary, or even two arrays, per rule cost more than the rule's own fields.
        /// </summary>
        public sealed class Fields
        {
            public string?[] Values { get; } = new string?[Labels.Length];

            public int[] Lines { get; } = new int[Labels.Length];
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
