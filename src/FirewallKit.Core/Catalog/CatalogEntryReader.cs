using System.Globalization;
using System.Text.Json;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Catalog;

/// <summary>Reads one catalog entry, a small reader per part, against the catalog's features and server roles.</summary>
internal sealed class CatalogEntryReader(IReadOnlyList<CatalogFeature> features, IReadOnlyList<ServerRole> roles)
{
    public static readonly string[] Fields =
        ["id", "ports", "protocol", "component", "required", "role", "feature", "deprecatedIn", "configurable", "servedBy", "displayName", "reachedBy", "note", "unconfirmed", "origin", "vendor"];

    private static readonly string[] ReachFields = ["from", "when", "flow"];
    private static readonly string[] WhenFields = ["topology", "feature", "featureOff"];
    private static readonly string[] VendorFields = ["port", "required", "description", "owner", "toDisable"];

    /// <remarks>The parts are read in the order of the file's fields, so errors are listed in that order too.</remarks>
    public CatalogEntry Read(JsonObjectReader reader)
    {
        var path = reader.Path;
        var errors = reader.Errors;
        var id = reader.String("id", required: true) ?? string.Empty;
        var ports = ReadPorts(reader);
        var protocol = ReadProtocol(reader);
        var role = ReadRole(reader);
        var feature = ReadFeatureName(reader, reader.String("feature"), path + ".feature");
        if (role == PortRole.Optional && feature is null)
        {
            errors.Add(path + ".feature", "an optional port needs the feature that switches it on", "add \"feature\": \"<name>\" naming one of the catalog's features");
        }

        var deprecatedIn = ReadDeprecatedIn(reader);
        var configurable = reader.Bool("configurable") ?? false;
        // Only a list written empty: one emptied by an invalid port already has its error.
        if (ports.Count == 0 && !configurable && reader.Raw("ports") is { ValueKind: JsonValueKind.Array } written && written.GetArrayLength() == 0)
        {
            errors.Add(path + ".ports", "a port list may be empty only for a configurable port", "list the default port, or set \"configurable\": true so profiles give the number");
        }

        var servedBy = ReadServedBy(reader);
        var displayName = reader.String("displayName", required: true) ?? string.Empty;
        var reaches = reader.ObjectArray("reachedBy", ReachFields, "a flow").Select(ReadReach).ToList();
        if (role == PortRole.LocalIpc && reaches.Count > 0)
        {
            errors.Add(path + ".reachedBy", "a local-IPC port is never reached from the network", "remove reachedBy, or give the port another role");
        }

        var vendor = ReadVendor(reader);
        var fromVendorTable = ReadOrigin(reader, vendor);
        var note = reader.String("note");
        CheckRuleTexts(reader, displayName, note, reaches, vendor);
        return new CatalogEntry
        {
            Id = id,
            Ports = ports,
            Protocol = protocol,
            Component = reader.String("component", required: true) ?? string.Empty,
            Required = reader.Bool("required") ?? false,
            Role = role,
            DisplayName = displayName,
            Feature = feature,
            DeprecatedIn = deprecatedIn,
            Configurable = configurable,
            ServedBy = servedBy,
            ReachedBy = reaches,
            Note = note,
            Unconfirmed = reader.Bool("unconfirmed") ?? false,
            FromVendorTable = fromVendorTable,
            Vendor = vendor,
        };
    }

    private static List<int> ReadPorts(JsonObjectReader reader)
    {
        var ports = new List<int>();
        if (reader.Raw("ports") is not { ValueKind: JsonValueKind.Array } portArray)
        {
            reader.Errors.Add(reader.Path + ".ports", "the required field 'ports' is missing or not an array", "add \"ports\": [ 631 ] (an empty array only for a configurable port with no default)");
            return ports;
        }

        var index = 0;
        foreach (var item in portArray.EnumerateArray())
        {
            var itemPath = JsonObjectReader.Index(reader.Path + ".ports", index++);
            if (reader.IntAt(item, itemPath) is not { } port)
            {
                continue;
            }

            if (PortRange.Contains(port))
            {
                ports.Add(port);
            }
            else
            {
                reader.Errors.Add(itemPath, $"port {port} is out of range", "use a port number from 1 to 65535");
            }
        }

        return ports;
    }

    private List<string> ReadServedBy(JsonObjectReader reader)
    {
        var names = reader.StringArray("servedBy") ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (roles.All(r => r.Name != names[i]))
            {
                reader.Errors.Add(JsonObjectReader.Index(reader.Path + ".servedBy", i), $"unknown server role '{names[i]}'", Suggest.Fix(names[i], roles.Select(r => r.Name), "server roles"));
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static TransportProtocol ReadProtocol(JsonObjectReader reader)
    {
        var text = reader.String("protocol", required: true) ?? "TCP";
        if (RuleTerms.TryProtocol(text, out var protocol))
        {
            return protocol;
        }

        reader.Errors.Add(reader.Path + ".protocol", $"unknown protocol '{text}'", "use TCP or UDP");
        return TransportProtocol.Tcp;
    }

    private static PortRole ReadRole(JsonObjectReader reader)
    {
        var text = reader.String("role", required: true) ?? "client";
        if (CatalogTerms.TryRole(text, out var role))
        {
            return role;
        }

        reader.Errors.Add(reader.Path + ".role", $"unknown role '{text}'", Suggest.Fix(text, CatalogTerms.RoleNames, "roles"));
        return PortRole.Client;
    }

    private string? ReadFeatureName(JsonObjectReader reader, string? name, string path)
    {
        if (name is not null && features.All(f => f.Name != name))
        {
            reader.Errors.Add(path, $"unknown feature '{name}'", Suggest.Fix(name, features.Select(f => f.Name), "features"));
        }

        return name;
    }

    private static Version? ReadDeprecatedIn(JsonObjectReader reader)
    {
        if (reader.String("deprecatedIn") is not { } text)
        {
            return null;
        }

        if (ProductVersion.TryParse(text, out var version))
        {
            return version;
        }

        reader.Errors.Add(reader.Path + ".deprecatedIn", $"'{text}' is not a version", "write it as major.minor.patch, such as \"5.1.0\"");
        return null;
    }

    private Reach ReadReach(JsonObjectReader reach)
    {
        var from = reach.String("from", required: true) ?? string.Empty;
        if (from.Length > 0 && !Audience.IsValid(from, roles))
        {
            var known = Audience.AddressSets.Append(Audience.Peers).Concat(roles.Select(r => Audience.PeerRolePrefix + r.Name));
            reach.Errors.Add(reach.Path + ".from", $"unknown audience '{from}'", Suggest.Fix(from, known, "audiences"));
        }

        var when = reach.Object("when", WhenFields, "a condition") is { } condition ? ReadCondition(condition) : ReachCondition.Always;
        return new Reach(from, reach.String("flow", required: true) ?? string.Empty, when);
    }

    private ReachCondition ReadCondition(JsonObjectReader when)
    {
        Topology? topology = null;
        if (when.String("topology") is { } text)
        {
            if (CatalogTerms.TryTopology(text, out var parsed))
            {
                topology = parsed;
            }
            else
            {
                when.Errors.Add(when.Path + ".topology", $"unknown topology '{text}'", "use \"single\" or \"cluster\"");
            }
        }

        var feature = when.String("feature");
        var featureOff = when.String("featureOff");
        ReadFeatureName(when, feature, when.Path + ".feature");
        ReadFeatureName(when, featureOff, when.Path + ".featureOff");
        return new ReachCondition(topology, feature, featureOff);
    }

    private static VendorRow? ReadVendor(JsonObjectReader reader) =>
        reader.Object("vendor", VendorFields, "the vendor's row") is { } v
            ? new VendorRow(
                v.String("port", required: true) ?? string.Empty,
                v.String("required", required: true) ?? string.Empty,
                v.String("description", required: true) ?? string.Empty,
                v.String("owner", required: true) ?? string.Empty,
                v.String("toDisable") ?? string.Empty)
            : null;

    /// <summary>Whether the entry is a row of the vendor's table, which must then keep the vendor's words.</summary>
    private static bool ReadOrigin(JsonObjectReader reader, VendorRow? vendor)
    {
        var origin = reader.String("origin") ?? "vendor-table";
        if (origin is not ("vendor-table" or "outside-vendor-table"))
        {
            reader.Errors.Add(reader.Path + ".origin", $"unknown origin '{origin}'", "use \"vendor-table\" or \"outside-vendor-table\"");
        }

        if (origin == "vendor-table" && vendor is null)
        {
            reader.Errors.Add(reader.Path + ".vendor", "an entry from the vendor table must keep the vendor's row", "add \"vendor\": { port, required, description, owner, toDisable }, or set \"origin\": \"outside-vendor-table\"");
        }

        return origin == "vendor-table";
    }

    /// <summary>Everything that ends up in a rule's name or description; Windows rejects '|' in both.</summary>
    private static void CheckRuleTexts(JsonObjectReader reader, string displayName, string? note, List<Reach> reaches, VendorRow? vendor)
    {
        var texts = new List<(string Text, string Path)> { (displayName, "displayName"), (note ?? string.Empty, "note") };
        texts.AddRange(reaches.Select((r, i) => (r.Flow, $"reachedBy[{i}].flow")));
        if (vendor is not null)
        {
            texts.Add((vendor.Description, "vendor.description"));
            texts.Add((vendor.Owner, "vendor.owner"));
        }

        foreach (var (text, field) in texts.Where(t => RuleText.IsRefused(t.Text)))
        {
            reader.Errors.Add($"{reader.Path}.{field}", "contains '|', which Windows Firewall rejects in rule names and descriptions", "remove the '|' character");
        }

        foreach (var (text, field) in texts.Where(t => t.Text.Length >= RuleText.DescriptionLimit))
        {
            reader.Errors.Add(
                $"{reader.Path}.{field}",
                string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters; it goes into the rule's description, which Windows refuses at {RuleText.DescriptionLimit} characters or more"),
                "shorten it to a few hundred characters and link to the full text");
        }
    }
}
