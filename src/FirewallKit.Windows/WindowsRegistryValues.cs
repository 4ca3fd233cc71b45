using System.Runtime.Versioning;
using FirewallKit.Core.Registry;
using Microsoft.Win32;

namespace FirewallKit.Windows;

/// <summary>
/// The machine's registry, read only: the string and DWORD values under a key of HKEY_LOCAL_MACHINE, key by key.
/// Other value types are not firewall settings fwkit reads, so they are passed over.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsRegistryValues : IRegistryValues
{
    public IReadOnlyList<RegistryValue> Read(string localMachineKey)
    {
        var values = new List<RegistryValue>();
        using var key = Registry.LocalMachine.OpenSubKey(localMachineKey, writable: false);
        if (key is not null)
        {
            Collect(key, localMachineKey, values);
        }

        return values;
    }

    private static void Collect(RegistryKey key, string path, List<RegistryValue> values)
    {
        foreach (var name in key.GetValueNames())
        {
            var location = $@"HKLM\{path}";
            switch (key.GetValueKind(name))
            {
                case RegistryValueKind.String or RegistryValueKind.ExpandString when key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames) is string text:
                    values.Add(RegistryValue.String(path, name, text) with { Location = location });
                    break;
                case RegistryValueKind.DWord when key.GetValue(name) is int number:
                    values.Add(RegistryValue.DWord(path, name, unchecked((uint)number)) with { Location = location });
                    break;
            }
        }

        foreach (var child in key.GetSubKeyNames())
        {
            using var sub = key.OpenSubKey(child, writable: false);
            if (sub is not null)
            {
                Collect(sub, path + @"\" + child, values);
            }
        }
    }
}
