<#
.SYNOPSIS
    Builds, tests, publishes and packs FirewallKit (fwkit).
.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7. Needs the .NET 10 SDK on PATH.
.EXAMPLE
    .\build.ps1                 # build and test
.EXAMPLE
    .\build.ps1 -Target All     # build, test, publish fwkit.exe (win-x64, Native AOT) and pack the .NET tool
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Publish', 'Pack', 'All')]
    [string] $Target = 'Test',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $ArtifactsDir = (Join-Path $PSScriptRoot 'artifacts')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE"
    }
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET 10 SDK is required: https://dot.net'
}

$solution = Join-Path $PSScriptRoot 'FirewallKit.sln'
$cli = Join-Path $PSScriptRoot 'src/FirewallKit.Cli/FirewallKit.Cli.csproj'

Invoke-Dotnet @('build', $solution, '-c', $Configuration)

if ($Target -in @('Test', 'All')) {
    Invoke-Dotnet @('test', $solution, '-c', $Configuration, '--no-build')
}

if ($Target -in @('Publish', 'All')) {
    $publishDir = Join-Path $ArtifactsDir 'win-x64'
    # Native AOT: one native exe, no runtime to install, the fastest start (docs/benchmarks.md).
    # Needs the "Desktop development with C++" workload (the MSVC linker). A trim/AOT warning fails the build.
    Invoke-Dotnet @('publish', $cli, '-c', $Configuration, '-r', 'win-x64', '-p:PublishAot=true',
        '-p:PackAsTool=false', '-p:TreatWarningsAsErrors=true', '-p:IlcTreatWarningsAsErrors=true', '-o', $publishDir)
    Write-Host "fwkit.exe: $(Join-Path $publishDir 'fwkit.exe')" -ForegroundColor Green
}

if ($Target -in @('Pack', 'All')) {
    $packageDir = Join-Path $ArtifactsDir 'packages'
    Invoke-Dotnet @('pack', $cli, '-c', $Configuration, '-o', $packageDir)
    Write-Host "Tool package: $packageDir (install with: dotnet tool install --global FirewallKit --add-source $packageDir)" -ForegroundColor Green
}
