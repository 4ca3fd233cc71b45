namespace FirewallKit.Core.Registry;

/// <summary>The registry value types fwkit reads and writes, with Windows' numbers (REG_SZ 1, REG_DWORD 4, ...).</summary>
#pragma warning disable CA1720 // String and DWord are the registry's own names.
public enum RegistryValueType
{
    None = 0,
    String = 1,
    ExpandString = 2,
    Binary = 3,
    DWord = 4,
    MultiString = 7,
    QWord = 11,
}
#pragma warning restore CA1720
