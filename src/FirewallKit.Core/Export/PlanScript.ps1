function ConvertTo-CanonicalAddress {
    # Windows hands addresses back in its own forms (10.0.1.0/255.255.255.0 for a /24, '*' for Any,
    # keywords in any case, IPv6 compressed), so both sides are brought to one spelling and sorted:
    # only a real change makes a rule differ.
    param([string[]] $Address)
    # fwkit:AddressKeywords
    $canonical = foreach ($token in @($Address)) {
        $token = "$token".Trim()
        if ($token -eq '*' -or $token -eq 'Any' -or $token -eq '') { 'Any'; continue }
        # Ordinal, culture-invariant: under tr-TR a case-insensitive 'i' does not match 'I' (Intranet, WINS).
        if ($token -cmatch '^([A-Za-z]+)([46]?)$') {
            $word = $Matches[1]
            $base = $keywords | Where-Object { [string]::Equals($_, $word, [System.StringComparison]::OrdinalIgnoreCase) }
            if ($base) { "$base$($Matches[2])"; continue }
        }
        if ($token.Contains('-')) {
            $ends = @($token -split '-' | ForEach-Object { [System.Net.IPAddress]::Parse($_).ToString() })
            if ($ends[0] -eq $ends[1]) { $ends[0] } else { $ends -join '-' }
            continue
        }
        $parts = $token -split '/'
        $ip = [System.Net.IPAddress]::Parse($parts[0])
        $bits = 32
        if ($ip.AddressFamily -eq 'InterNetworkV6') { $bits = 128 }
        $prefix = $bits
        if ($parts.Count -eq 2 -and $parts[1].Contains('.')) {
            $mask = [System.Net.IPAddress]::Parse($parts[1]).GetAddressBytes()
            $prefix = (($mask | ForEach-Object { [Convert]::ToString($_, 2) }) -join '').Replace('0', '').Length
        }
        elseif ($parts.Count -eq 2) {
            $prefix = [int] $parts[1]
        }
        if ($prefix -eq $bits) { $ip.ToString() } else { '{0}/{1}' -f $ip, $prefix }
    }
    if ($canonical -contains 'Any') { return 'Any' }
    @($canonical | Sort-Object -Unique) -join ','
}

function ConvertTo-CanonicalProfile {
    param([string] $Text)
    $names = @($Text -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    if ($names.Count -eq 0 -or $names -contains 'Any') { $names = 'Domain', 'Private', 'Public' }
    @($names | Sort-Object -Unique) -join ','
}

function Get-Settings {
    # What the script compares, in one spelling for a planned rule and for one read from the store
    # (with its filters, as Get-StoredFilter gives them).
    param($Rule, $Filter)
    if ($null -eq $Filter) {
        return @{
            DisplayName   = $Rule.DisplayName
            Description   = $Rule.Description
            Direction     = 'Inbound'
            Action        = $Rule.Action
            Protocol      = $Rule.Protocol.ToUpperInvariant()
            LocalPort     = @($Rule.LocalPort | Sort-Object -Unique) -join ','
            RemoteAddress = ConvertTo-CanonicalAddress $Rule.RemoteAddress
            Profile       = ConvertTo-CanonicalProfile $Rule.Profile
            Enabled       = $Rule.Enabled
        }
    }
    $PortFilter = $Filter['Port']
    $AddressFilter = $Filter['Address']
    @{
        DisplayName   = "$($Rule.DisplayName)"
        Description   = "$($Rule.Description)"
        Direction     = "$($Rule.Direction)"
        Action        = "$($Rule.Action)"
        Protocol      = "$($PortFilter.Protocol)".ToUpperInvariant()
        LocalPort     = @($PortFilter.LocalPort | ForEach-Object { "$_" } | Sort-Object -Unique) -join ','
        RemoteAddress = ConvertTo-CanonicalAddress $AddressFilter.RemoteAddress
        Profile       = ConvertTo-CanonicalProfile $Rule.Profile
        Enabled       = "$($Rule.Enabled)"
    }
}

function ConvertTo-CanonicalAny {
    # A condition that is not set reads back as 'Any', '*' or empty, depending on the filter.
    param([string[]] $Value)
    $tokens = @(@($Value) | ForEach-Object { "$_".Trim() } | Where-Object { $_ -ne '' })
    if ($tokens.Count -eq 0 -or ($tokens.Count -eq 1 -and ($tokens[0] -eq 'Any' -or $tokens[0] -eq '*'))) { return 'Any' }
    @($tokens | Sort-Object -Unique) -join ','
}

# The conditions the plan never sets, as a rule without them reads back. fwkit apply treats any of
# them on a rule it owns as drift and resets it; so does this script.
# fwkit:ConditionDefault

# What Set-NetFirewallRule takes to put each condition back, with the parameter's type. Only the
# conditions that differ are passed, so a rule that has none never gets a parameter it does not
# need (-IcmpType, for one, only applies to ICMP rules). -Package and -Owner ('' clears them) are
# in the Server 2016/2019 syntax as in 2022/2025; only -RemoteDynamicKeywordAddresses, -PolicyAppId
# and -PackageFamilyName are missing on older Windows, and the script uses none of those.
# fwkit:ConditionReset

function Get-Condition {
    # The conditions of $ConditionDefault as one rule in the store has them (with its filters, as
    # Get-StoredFilter gives them).
    param($Rule, $Filter)
    $PortFilter = $Filter['Port']
    $AddressFilter = $Filter['Address']
    $application = $Filter['Application']
    $security = $Filter['Security']
    @{
        Program             = ConvertTo-CanonicalAny $application.Program
        Package             = ConvertTo-CanonicalAny $application.Package
        Service             = ConvertTo-CanonicalAny $Filter['Service'].Service
        LocalAddress        = ConvertTo-CanonicalAddress $AddressFilter.LocalAddress
        RemotePort          = ConvertTo-CanonicalAny $PortFilter.RemotePort
        IcmpType            = ConvertTo-CanonicalAny $PortFilter.IcmpType
        InterfaceAlias      = ConvertTo-CanonicalAny $Filter['Interface'].InterfaceAlias
        InterfaceType       = "$($Filter['InterfaceType'].InterfaceType)"
        Authentication      = "$($security.Authentication)"
        Encryption          = "$($security.Encryption)"
        OverrideBlockRules  = "$($security.OverrideBlockRules)"
        LocalUser           = ConvertTo-CanonicalAny $security.LocalUser
        RemoteUser          = ConvertTo-CanonicalAny $security.RemoteUser
        RemoteMachine       = ConvertTo-CanonicalAny $security.RemoteMachine
        EdgeTraversalPolicy = "$($Rule.EdgeTraversalPolicy)"
        Owner               = ConvertTo-CanonicalAny $Rule.Owner
    }
}

# fwkit:OwnedRuleTest

function Get-OwnedRule {
    # fwkit's rules of the group, and any rule that already has one of the plan's names (those are
    # named with fwkit's prefix, so fwkit wrote them). -Name and -Group take wildcards, so the values
    # are escaped; a value that matches nothing is an ObjectNotFound error, which here just means
    # "none yet". Anything else (access denied, no such GPO) stops.
    $rules = @(Get-NetFirewallRule -PolicyStore $PolicyStore -Group ([WildcardPattern]::Escape($Group)) -ErrorAction SilentlyContinue -ErrorVariable groupProblems)
    $names = @($Plan | ForEach-Object { [WildcardPattern]::Escape($_.Name) })
    $nameProblems = @()
    $named = @()
    if ($names.Count -gt 0 -and -not $Remove) {
        $named = @(Get-NetFirewallRule -PolicyStore $PolicyStore -Name $names -ErrorAction SilentlyContinue -ErrorVariable nameProblems)
    }
    $failure = @(@($groupProblems) + @($nameProblems) | Where-Object { $_.CategoryInfo.Category -ne 'ObjectNotFound' })
    if ($failure.Count -gt 0) { throw $failure[0] }
    $owned = @{}
    foreach ($rule in $rules) {
        if ("$($rule.Group)" -ceq $Group -and (Test-OwnedRule $rule)) { $owned[$rule.Name] = $rule }
    }
    foreach ($rule in $named) { $owned[$rule.Name] = $rule }
    $owned
}

function Get-StoredFilter {
    # The filters of the rules in $InstanceID, by rule: each filter kind of the store is read once and
    # matched to its rule by the InstanceID a filter shares with it. Asking for one rule's filters is a
    # CIM association query per rule and kind, which is slow on a store with many rules; and every read
    # names the store, since a rule read from a Group Policy Object does not take its store along.
    param([string[]] $InstanceID)
    $all = [ordered]@{
        Port          = @(Get-NetFirewallPortFilter -All -PolicyStore $PolicyStore)
        Address       = @(Get-NetFirewallAddressFilter -All -PolicyStore $PolicyStore)
        Application   = @(Get-NetFirewallApplicationFilter -All -PolicyStore $PolicyStore)
        Security      = @(Get-NetFirewallSecurityFilter -All -PolicyStore $PolicyStore)
        Service       = @(Get-NetFirewallServiceFilter -All -PolicyStore $PolicyStore)
        Interface     = @(Get-NetFirewallInterfaceFilter -All -PolicyStore $PolicyStore)
        InterfaceType = @(Get-NetFirewallInterfaceTypeFilter -All -PolicyStore $PolicyStore)
    }
    $byRule = @{}
    foreach ($id in $InstanceID) { $byRule[$id] = @{} }
    foreach ($kind in $all.Keys) {
        foreach ($filter in $all[$kind]) {
            $filters = $byRule["$($filter.InstanceID)"]
            if ($null -ne $filters) { $filters[$kind] = $filter }
        }
    }
    foreach ($id in $InstanceID) {
        foreach ($kind in $all.Keys) {
            if (-not $byRule[$id].ContainsKey($kind)) { throw "fwkit: could not read rule '$id': $PolicyStore has no $kind filter for it." }
        }
    }
    $byRule
}

function Get-RuleValue {
    # The values New- and Set-NetFirewallRule share, with the types the cmdlets take.
    param($Rule)
    @{
        Description   = $Rule.Description
        Direction     = 'Inbound'
        Action        = $Rule.Action
        Protocol      = $Rule.Protocol
        LocalPort     = [string[]] $Rule.LocalPort
        RemoteAddress = [string[]] $Rule.RemoteAddress
        Profile       = $Rule.Profile
        Enabled       = $Rule.Enabled
    }
}

$current = Get-OwnedRule

if ($Remove) {
    # Uninstall: fwkit's rules of the group go; every other rule stays.
    $removed = 0; $skipped = 0
    foreach ($name in @($current.Keys | Sort-Object)) {
        $rule = $current[$name]
        if ($PSCmdlet.ShouldProcess("$name ($($rule.DisplayName)) in $PolicyStore", 'Remove firewall rule')) {
            try {
                Remove-NetFirewallRule -PolicyStore $PolicyStore -Name ([WildcardPattern]::Escape($name)) -Confirm:$false
            }
            catch {
                throw "fwkit: could not remove rule '$name': $($_.Exception.Message)"
            }
            Write-Host "Removed   $name"
            $removed++
        }
        else { $skipped++ }
    }
    if ($skipped -eq 0) {
        Write-Host "Done: $removed removed from group '$Group' in $PolicyStore."
    }
    else {
        Write-Host "Done: $removed removed from group '$Group' in $PolicyStore; $skipped not removed (-WhatIf or declined)."
    }
    return
}

$planned = @{}
foreach ($rule in $Plan) { $planned[$rule.Name] = $rule }
$removed = 0; $updated = 0; $created = 0; $unchanged = 0; $skipped = 0

# fwkit's rules of the group that the plan no longer has, and rules with a planned name in another group:
# Set-NetFirewallRule cannot change a rule's group, so those are removed and created again.
# Removals and updates go straight to the store; they come before any Group Policy session is
# opened, because saving a session writes back the whole GPO as it was when it was opened.
foreach ($name in @($current.Keys | Sort-Object)) {
    $rule = $current[$name]
    if ($planned.ContainsKey($name) -and "$($rule.Group)" -ceq $Group) { continue }
    $why = 'the plan no longer has it'
    if ($planned.ContainsKey($name)) { $why = "it is in group '$($rule.Group)'; it is created again in '$Group'" }
    if ($PSCmdlet.ShouldProcess("$name ($($rule.DisplayName)) in $PolicyStore", "Remove firewall rule: $why")) {
        try {
            Remove-NetFirewallRule -PolicyStore $PolicyStore -Name ([WildcardPattern]::Escape($name)) -Confirm:$false
        }
        catch {
            throw "fwkit: could not remove rule '$name': $($_.Exception.Message)"
        }
        Write-Host "Removed   $name ($why)"
        $removed++
    }
    else { $skipped++ }
    $current.Remove($name)
}

# The conditions of the rules left to compare, read once for all of them.
$stored = @{}
if ($current.Count -gt 0) {
    try {
        $stored = Get-StoredFilter @($current.Values | ForEach-Object { "$($_.InstanceID)" })
    }
    catch {
        if ("$($_.Exception.Message)" -clike 'fwkit: *') { throw }
        throw "fwkit: could not read the rules' conditions in ${PolicyStore}: $($_.Exception.Message)"
    }
}

$missing = @()
foreach ($rule in $Plan) {
    $existing = $current[$rule.Name]
    if ($null -eq $existing) { $missing += $rule; continue }
    try {
        $filter = $stored["$($existing.InstanceID)"]
        if ($null -eq $filter) { throw "its conditions were not read from $PolicyStore." }
        $have = Get-Settings $existing $filter
        $haveCondition = Get-Condition $existing $filter
    }
    catch {
        throw "fwkit: could not read rule '$($rule.Name)': $($_.Exception.Message)"
    }
    $want = Get-Settings $rule
    $reset = @{}
    foreach ($condition in @($ConditionDefault.Keys | Where-Object { $ConditionDefault[$_] -cne $haveCondition[$_] })) {
        $reset[$condition] = $ConditionReset[$condition]
    }
    $differs = @(@($want.Keys | Where-Object { "$($want[$_])" -cne "$($have[$_])" }) + @($reset.Keys) | Sort-Object)
    if ($differs.Count -eq 0) { $unchanged++; continue }
    if ($PSCmdlet.ShouldProcess("$($rule.Name) ($($rule.DisplayName)) in $PolicyStore", "Update firewall rule: $($differs -join ', ')")) {
        $values = Get-RuleValue $rule
        try {
            Set-NetFirewallRule -PolicyStore $PolicyStore -Name ([WildcardPattern]::Escape($rule.Name)) -NewDisplayName $rule.DisplayName @values @reset -Confirm:$false
        }
        catch {
            throw "fwkit: could not update rule '$($rule.Name)': $($_.Exception.Message)"
        }
        Write-Host "Updated   $($rule.Name) ($($differs -join ', '))"
        $updated++
    }
    else { $skipped++ }
}

# New rules: into a Group Policy Object through one session, so the GPO is read and written
# once for all of them rather than once per rule.
$target = @{ PolicyStore = $PolicyStore }
$session = $null
foreach ($rule in $missing) {
    if (-not $PSCmdlet.ShouldProcess("$($rule.Name) ($($rule.DisplayName)) in $PolicyStore", 'Create firewall rule')) { $skipped++; continue }
    if ($PolicyStore.Contains('\') -and $null -eq $session) {
        $session = Open-NetGPO -PolicyStore $PolicyStore
        $target = @{ GPOSession = $session }
    }
    $values = Get-RuleValue $rule
    try {
        $null = New-NetFirewallRule @target -Name $rule.Name -DisplayName $rule.DisplayName -Group $Group @values -Confirm:$false
    }
    catch {
        throw "fwkit: could not create rule '$($rule.Name)': $($_.Exception.Message)"
    }
    Write-Host "Created   $($rule.Name)"
    $created++
}
if ($null -ne $session) {
    Save-NetGPO -GPOSession $session
    Write-Host "Saved the Group Policy Object $PolicyStore"
}

if ($removed + $updated + $created + $skipped -eq 0) {
    Write-Host "No change: all $($Plan.Count) rules of group '$Group' in $PolicyStore already match the plan."
}
elseif ($skipped -eq 0) {
    Write-Host "Done: $created created, $updated updated, $removed removed, $unchanged unchanged in $PolicyStore."
}
else {
    Write-Host "Done: $created created, $updated updated, $removed removed, $unchanged unchanged in $PolicyStore; $skipped not made (-WhatIf or declined)."
}
