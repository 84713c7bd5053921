<#
.SYNOPSIS
    Builds PSDocker into out/PSDocker (and the console host into out/PSDocker.Host); -Test runs the tests.

.DESCRIPTION
    The pwsh counterpart of ./build.sh and ./test.sh, producing the same out/PSDocker.

    -Test runs both suites unless -Suite picks one:
      Pester  tests/Pester (Pester 5, Detailed output) in a fresh pwsh, so that a PSDocker already
              loaded in this session is never the one tested; NUnit XML to <ResultDirectory>/pester.xml.
      CSharp  dotnet test tests/PSDocker.Tests (unit tests, real-runspace tests and console host
              tests); TRX to <ResultDirectory>/csharp.trx.
    Both talk to the engine at $env:DOCKER_HOST (else /var/run/docker.sock) and fail, never skip,
    when there is none. ./test.sh is the full run for any machine: it installs what is missing,
    starts a private engine when none answers, runs the C# tests itself (it must work without pwsh)
    and the Pester suites through this script (-Test -NoBuild -Suite Pester), and sums them up.

.EXAMPLE
    ./build.ps1
    Import-Module ./out/PSDocker

.EXAMPLE
    ./build.ps1 -Test -Suite Pester
#>
[CmdletBinding()]
param(
    # The build configuration.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run the tests after building.
    [switch] $Test,

    # Do not run dotnet build (the tests then run against what is already in out/ and the test
    # project's bin/). The help is still made from docs/help.
    [switch] $NoBuild,

    # Which tests -Test runs.
    [ValidateSet('All', 'Pester', 'CSharp')]
    [string] $Suite = 'All',

    # Where the test results go.
    [string] $ResultDirectory = (Join-Path $PSScriptRoot 'out/TestResults')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# Quiet on success; the whole log when it fails.
function Invoke-DotnetBuild([string] $Project) {
    $log = & dotnet build (Join-Path $PSScriptRoot $Project) -c $Configuration -nologo 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log | Out-Host
        throw "dotnet build $Project failed (exit $LASTEXITCODE)."
    }
}

if (-not $NoBuild) {
    foreach ($project in 'src/PSDocker/PSDocker.csproj', 'tools/PSDocker.Host/PSDocker.Host.csproj') {
        Invoke-DotnetBuild $project
    }
    Write-Host "Built $(Join-Path $PSScriptRoot 'out/PSDocker') and out/PSDocker.Host ($Configuration)"
}

# The help (docs/help → out/PSDocker/en-US) needs PlatyPS; without it the module works and Get-Help
# shows the syntax only.
if (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS | Where-Object Version -GE '1.0') {
    & (Join-Path $PSScriptRoot 'tools/Build-Help.ps1') -Source (Join-Path $PSScriptRoot 'docs/help') -ModuleDirectory (Join-Path $PSScriptRoot 'out/PSDocker')
}
else {
    Write-Warning 'Microsoft.PowerShell.PlatyPS 1.0 is not installed: out/PSDocker has no help (Get-Help shows the syntax only).'
}

if (-not $Test) {
    return
}

$null = New-Item -ItemType Directory -Force -Path $ResultDirectory
$failed = @()

if ($Suite -in 'All', 'Pester') {
    if (Get-Command bash -ErrorAction Ignore) {
        # The suites' base image (a busybox root file system, built locally; a no-op when current).
        & bash -c ". '$PSScriptRoot/tools/engine.sh' && psd_base_image psdocker/busybox:latest"
    }

    $pesterXml = Join-Path $ResultDirectory 'pester.xml'
    & ([System.Environment]::ProcessPath) -NoProfile -NonInteractive -Command {
        param($Path, $Output)
        Import-Module Pester -MinimumVersion 5.0
        $config = New-PesterConfiguration
        $config.Run.Path = $Path
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = $Output
        $result = Invoke-Pester -Configuration $config
        if ($result.Result -ne 'Passed' -or $result.PassedCount -eq 0) {
            exit 1
        }
    } -args (Join-Path $PSScriptRoot 'tests/Pester'), $pesterXml
    if ($LASTEXITCODE -ne 0) {
        $failed += 'Pester'
    }
}

if ($Suite -in 'All', 'CSharp') {
    $arguments = @(
        'test', (Join-Path $PSScriptRoot 'tests/PSDocker.Tests/PSDocker.Tests.csproj'), '-c', $Configuration, '-nologo',
        '--logger', 'trx;LogFileName=csharp.trx', '--logger', 'console;verbosity=normal', '--results-directory', $ResultDirectory
    )
    if ($NoBuild) {
        $arguments += '--no-build'
    }
    & dotnet @arguments
    if ($LASTEXITCODE -ne 0) {
        $failed += 'C#'
    }
}

if ($failed) {
    throw "Tests failed: $($failed -join ', ') (results in $ResultDirectory)."
}
