# Stand-ins for the NetSecurity cmdlets an exported script uses, with the real parameter names,
# parameter sets, array types and enum types (reference: netsecurity-cmdlets.md, Server 2022+
# syntax: no -GPOSession on Get-/Set-/Remove-NetFirewallRule). They keep no state of their own:
# $FakeFirewall (FakeFirewall.cs) is the firewall service. Everything a script passes is bound by
# PowerShell exactly as on Windows, so '-Enabled $true', a misspelt parameter or a parameter-set
# conflict fails here too. Parameters the fake does not model are refused rather than ignored.

function Get-NetFirewallRule {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByName', Mandatory, Position = 0)] [Alias('ID')] [string[]] $Name,
        [Parameter(ParameterSetName = 'ByDisplayName', Mandatory)] [string[]] $DisplayName,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Description,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $DisplayGroup,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Group,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Enabled[]] $Enabled,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Direction[]] $Direction,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Action[]] $Action,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.EdgeTraversal[]] $EdgeTraversalPolicy,
        [Parameter(ParameterSetName = 'ByQuery')] [bool[]] $LooseSourceMapping,
        [Parameter(ParameterSetName = 'ByQuery')] [bool[]] $LocalOnlyMapping,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Owner,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.PrimaryStatus[]] $PrimaryStatus,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Status,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $PolicyStoreSource,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.PolicyStoreType[]] $PolicyStoreSourceType,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallAddressFilter', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetAddressFilter')] [psobject] $AssociatedNetFirewallAddressFilter,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallPortFilter', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetProtocolPortFilter')] [psobject] $AssociatedNetFirewallPortFilter,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallProfile', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallProfile')] [psobject] $AssociatedNetFirewallProfile,
        [string] $PolicyStore,
        [switch] $TracePolicyStore,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Assert-Modelled $PSBoundParameters @('All', 'Name', 'Group', 'PolicyStore')
        $store = 'PersistentStore'
        if ($PolicyStore) { $store = $PolicyStore }
        switch ($PSCmdlet.ParameterSetName) {
            'GetAll' { $FakeFirewall.All($store) }
            'ByName' { Find-FakeRule $store $Name 'Name' }
            'ByQuery' {
                if (-not $PSBoundParameters.ContainsKey('Group')) { throw 'The stub models -Group only in the ByQuery set.' }
                Find-FakeRule $store $Group 'Group'
            }
            default { throw "The stub does not model the $($PSCmdlet.ParameterSetName) set." }
        }
    }
}

function New-NetFirewallRule {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory)] [string] $DisplayName,
        [string] $Name,
        [string] $PolicyStore,
        [string] $GPOSession,
        [string] $Description,
        [string] $Group,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Enabled] $Enabled,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Profile] $Profile,
        [string[]] $Platform,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Direction] $Direction,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Action] $Action,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.EdgeTraversal] $EdgeTraversalPolicy,
        [Alias('LSM')] [bool] $LooseSourceMapping,
        [bool] $LocalOnlyMapping,
        [string] $Owner,
        [string[]] $LocalAddress,
        [string[]] $RemoteAddress,
        [string] $Protocol,
        [string[]] $LocalPort,
        [string[]] $RemotePort,
        [string[]] $IcmpType,
        [Alias('DynamicTransport')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.DynamicTransport] $DynamicTarget,
        [string] $Program,
        [string] $Package,
        [string] $Service,
        [WildcardPattern[]] $InterfaceAlias,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.InterfaceType] $InterfaceType,
        [string] $LocalUser,
        [string] $RemoteUser,
        [string] $RemoteMachine,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Authentication] $Authentication,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Encryption] $Encryption,
        [bool] $OverrideBlockRules,
        [string[]] $RemoteDynamicKeywordAddresses,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
    if ($PSBoundParameters.ContainsKey('PolicyStore') -and $PSBoundParameters.ContainsKey('GPOSession')) {
        throw 'New-NetFirewallRule takes -PolicyStore or -GPOSession, not both.'
    }
    if ($PSCmdlet.ShouldProcess("MSFT_NetFirewallRule -DisplayName $DisplayName", 'New')) {
        $FakeFirewall.New($PSBoundParameters)
    }
}

function Set-NetFirewallRule {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Mandatory, Position = 0)] [Alias('ID')] [string[]] $Name,
        [Parameter(ParameterSetName = 'ByDisplayName', Mandatory)] [string[]] $DisplayName,
        [Parameter(ParameterSetName = 'ByDisplayGroup', Mandatory)] [string[]] $DisplayGroup,
        [Parameter(ParameterSetName = 'ByGroup', Mandatory)] [string[]] $Group,
        [Parameter(ParameterSetName = 'InputObject', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject[]] $InputObject,
        [Parameter(ParameterSetName = 'ByName')] [Parameter(ParameterSetName = 'ByDisplayName')]
        [Parameter(ParameterSetName = 'ByDisplayGroup')] [Parameter(ParameterSetName = 'ByGroup')] [string] $PolicyStore,
        [string] $NewDisplayName,
        [string] $Description,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Enabled] $Enabled,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Profile] $Profile,
        [string[]] $Platform,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Direction] $Direction,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Action] $Action,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.EdgeTraversal] $EdgeTraversalPolicy,
        [Alias('LSM')] [bool] $LooseSourceMapping,
        [bool] $LocalOnlyMapping,
        [string] $Owner,
        [string[]] $LocalAddress,
        [string[]] $RemoteAddress,
        [string] $Protocol,
        [string[]] $LocalPort,
        [string[]] $RemotePort,
        [string[]] $IcmpType,
        [Alias('DynamicTransport')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.DynamicTransport] $DynamicTarget,
        [string] $Program,
        [string] $Package,
        [string] $Service,
        [WildcardPattern[]] $InterfaceAlias,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.InterfaceType] $InterfaceType,
        [string] $LocalUser,
        [string] $RemoteUser,
        [string] $RemoteMachine,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Authentication] $Authentication,
        [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Encryption] $Encryption,
        [bool] $OverrideBlockRules,
        [string[]] $RemoteDynamicKeywordAddresses,
        [switch] $PassThru,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        if ($PSCmdlet.ParameterSetName -ne 'ByName') { throw "The stub does not model the $($PSCmdlet.ParameterSetName) set." }
        $store = 'PersistentStore'
        if ($PolicyStore) { $store = $PolicyStore }
        foreach ($rule in @(Find-FakeRule $store $Name 'Name')) {
            if ($PSCmdlet.ShouldProcess("MSFT_NetFirewallRule -Name $($rule.Name)", 'Set')) {
                $FakeFirewall.Set($store, $rule.Name, $PSBoundParameters)
            }
        }
    }
}

function Remove-NetFirewallRule {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByName', Mandatory, Position = 0)] [Alias('ID')] [string[]] $Name,
        [Parameter(ParameterSetName = 'ByDisplayName', Mandatory)] [string[]] $DisplayName,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Description,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $DisplayGroup,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Group,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Enabled[]] $Enabled,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Direction[]] $Direction,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Action[]] $Action,
        [Parameter(ParameterSetName = 'InputObject', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject[]] $InputObject,
        [Parameter(ParameterSetName = 'GetAll')] [Parameter(ParameterSetName = 'ByName')]
        [Parameter(ParameterSetName = 'ByDisplayName')] [Parameter(ParameterSetName = 'ByQuery')] [string] $PolicyStore,
        [Parameter(ParameterSetName = 'GetAll')] [Parameter(ParameterSetName = 'ByName')]
        [Parameter(ParameterSetName = 'ByDisplayName')] [Parameter(ParameterSetName = 'ByQuery')] [switch] $TracePolicyStore,
        [switch] $PassThru,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Assert-Modelled $PSBoundParameters @('All', 'Name', 'Group', 'PolicyStore')
        $store = 'PersistentStore'
        if ($PolicyStore) { $store = $PolicyStore }
        # Like the real cmdlet, no selector at all means every rule of the store.
        $rules = switch ($PSCmdlet.ParameterSetName) {
            'GetAll' { $FakeFirewall.All($store) }
            'ByName' { Find-FakeRule $store $Name 'Name' }
            'ByQuery' { Find-FakeRule $store $Group 'Group' }
            default { throw "The stub does not model the $($PSCmdlet.ParameterSetName) set." }
        }
        foreach ($rule in @($rules)) {
            if ($PSCmdlet.ShouldProcess("MSFT_NetFirewallRule -Name $($rule.Name)", 'Delete')) {
                $FakeFirewall.Remove($store, $rule.Name)
            }
        }
    }
}

function Get-NetFirewallPortFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Protocol,
        [Parameter(ParameterSetName = 'ByQuery')] [Alias('DynamicTransport')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.DynamicTransport[]] $DynamicTarget,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Port' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Get-NetFirewallAddressFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecMainModeRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetMainModeRule')] [psobject] $AssociatedNetIPsecMainModeRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Address' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Get-NetFirewallApplicationFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Program,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Package,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Application' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

# The service, interface, interface-type and security filter cmdlets are not spelt out in the reference
# (it names them only through Get-NetFirewallRule's ByAssociatedNetFirewall*Filter sets); their sets
# follow the published NetSecurity help: GetAll, ByQuery on the filter's values (the interface filter
# has none), ByAssociatedNetFirewallRule and ByAssociatedNetIPsecRule (pipeline ByValue), -PolicyStore
# and -GPOSession.
function Get-NetFirewallServiceFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $Service,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Service' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Get-NetFirewallInterfaceFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Interface' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Get-NetFirewallInterfaceTypeFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.InterfaceType[]] $InterfaceType,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'InterfaceType' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Get-NetFirewallSecurityFilter {
    [CmdletBinding(DefaultParameterSetName = 'GetAll')]
    param(
        [Parameter(ParameterSetName = 'GetAll')] [switch] $All,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Authentication[]] $Authentication,
        [Parameter(ParameterSetName = 'ByQuery')] [Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Encryption[]] $Encryption,
        [Parameter(ParameterSetName = 'ByQuery')] [bool[]] $OverrideBlockRules,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $LocalUser,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $RemoteUser,
        [Parameter(ParameterSetName = 'ByQuery')] [string[]] $RemoteMachine,
        [Parameter(ParameterSetName = 'ByAssociatedNetFirewallRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule')] [psobject] $AssociatedNetFirewallRule,
        [Parameter(ParameterSetName = 'ByAssociatedNetIPsecRule', Mandatory, ValueFromPipeline)] [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPsecRule')] [psobject] $AssociatedNetIPsecRule,
        [string] $PolicyStore,
        [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    process {
        $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
        Read-FakeFilter 'Security' $PSCmdlet.ParameterSetName $PSBoundParameters
    }
}

function Open-NetGPO {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $PolicyStore,
        [string] $DomainController,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
    $FakeFirewall.OpenGpo($PolicyStore)
}

function Save-NetGPO {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $GPOSession,
        [Alias('Session')] [Microsoft.Management.Infrastructure.CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    $FakeFirewall.Called($MyInvocation.MyCommand.Name, $PSCmdlet.ParameterSetName, $PSBoundParameters)
    $FakeFirewall.SaveGpo($GPOSession)
}

# Helpers of the stubs (not NetSecurity cmdlets).

function Read-FakeFilter {
    # A filter cmdlet: every filter of its kind in the store (GetAll, with -All or without), or the one filter
    # of a rule (ByAssociatedNetFirewallRule, read from the store the rule came from). Each carries its rule's
    # InstanceID. -GPOSession and the query sets are not modelled.
    param([string] $Kind, [string] $ParameterSet, $Bound)
    Assert-Modelled $Bound @('All', 'AssociatedNetFirewallRule', 'PolicyStore')
    switch ($ParameterSet) {
        'GetAll' {
            $store = 'PersistentStore'
            if ($Bound.ContainsKey('PolicyStore')) { $store = $Bound['PolicyStore'] }
            $FakeFirewall.Filters($Kind, $store)
        }
        'ByAssociatedNetFirewallRule' { $FakeFirewall.Filter($Kind, $Bound['AssociatedNetFirewallRule']) }
        default { throw "The stub does not model the $ParameterSet set." }
    }
}

function Find-FakeRule {
    # -Name and -Group take wildcards; a value without wildcards that matches nothing is a
    # non-terminating ObjectNotFound error, as on Windows.
    param([string] $Store, [string[]] $Pattern, [string] $Property)
    $FakeFirewall.Find($Store, $Pattern, $Property)
    foreach ($problem in $FakeFirewall.NotFound($Store, $Pattern, $Property, 'Get-NetFirewallRule')) {
        $PSCmdlet.WriteError($problem)
    }
}

function Assert-Modelled {
    param($Bound, [string[]] $Modelled)
    $common = 'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
        'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm'
    foreach ($key in $Bound.Keys) {
        if ($Modelled -notcontains $key -and $common -notcontains $key) { throw "The stub does not model -$key." }
    }
}
