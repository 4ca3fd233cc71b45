using FirewallKit.Core.Addresses;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Operations;

/// <summary>
/// A starter profile's placeholder addresses must never reach a firewall: plan and validate warn, while apply
/// and export (whose script would apply them) refuse the profile, exit 2, until every placeholder is replaced.
/// </summary>
public static class PlaceholderCheck
{
    /// <param name="action">What is refused, such as "apply".</param>
    public static void Refuse(DeploymentProfile profile, string action)
    {
        if (profile.Placeholders.Count == 0)
        {
            return;
        }

        throw new InputException([.. profile.Placeholders.Select(path => new InputError(
            profile.Source,
            path,
            $"this is a documentation address ({DocumentationRanges.Names}), a placeholder that fwkit init wrote; {action} refuses it",
            "replace it with the real address or subnet, then run `fwkit validate`"))]);
    }
}
