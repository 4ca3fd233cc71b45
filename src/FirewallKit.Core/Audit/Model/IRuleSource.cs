namespace FirewallKit.Core.Audit;

/// <summary>
/// Where the audit gets a machine's firewall from: a saved dump (<see cref="RuleDump"/>), or the live
/// store, which the Windows adapter implements over COM (every inbound rule of the active policy,
/// local store and Group Policy alike, and each profile's state).
/// </summary>
public interface IRuleSource
{
    /// <exception cref="Validation.InputException">The source is not a valid dump; the errors name the file, line and fix.</exception>
    ObservedFirewall Read();
}
