using FirewallKit.Core.Registry;

namespace FirewallKit.Windows;

/// <summary>The values of a key of HKEY_LOCAL_MACHINE and of every key below it; none when the key does not exist.</summary>
public interface IRegistryValues
{
    IReadOnlyList<RegistryValue> Read(string localMachineKey);
}
