<#
.SYNOPSIS
    Builds PSDocker into out/PSDocker; -Test runs the tests; -Help remakes the help from docs/help.

.DESCRIPTION
    The pwsh counterpart of ./build.sh and ./test.sh, producing the same out/PSDocker. Any pwsh 7.4+
    runs it; the scripts use the one pinned in .config/dotnet-tools.json:

        dotnet tool restore
        dotnet pwsh ./build.ps1 -Test

    The help (src/PSDocker/en-US: PSDocker.dll-Help.xml and about_PSDocker.help.txt) is committed
    and copied into out/PSDocker/en-US by every build, so building needs neither PlatyPS nor
    ../shared. -Help remakes it from docs/help with tools/Build-Help.ps1, which imports PlatyPS from
    ../shared/psmodules/Microsoft.PowerShell.PlatyPS (or -PlatyPSPath); commit the result.

    -Test runs both suites unless -Suite picks one:
      Pester  tests/Pester (tests/Pester/Invoke-Suites.ps1 with Pester 5.9.1 from NuGet, restored
              by tests/Pester/Pester.proj and imported from the NuGet package cache) in a fresh pwsh, so that a PSDocker already
              loaded in this session is never the one tested; NUnit XML to <ResultDirectory>/pester.xml.
      CSharp  dotnet test tests/PSDocker.Tests (unit tests and real-runspace tests); TRX to
              <ResultDirectory>/csharp.trx.
    Both talk to the engine at $env:DOCKER_HOST (else /var/run/docker.sock) and fail, never skip,
    when there is none. ./test.sh is the full run for any machine: it installs what is missing,
    starts a private engine for the run, runs the C# tests and the Pester suites (through this
    script: -Test -NoBuild -Suite Pester), and sums them up.

.EXAMPLE
    ./build.ps1
    Import-Module ./out/PSDocker

.EXAMPLE
    ./build.ps1 -Help    # after editing docs/help; then commit src/PSDocker/en-US

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

    # Remake src/PSDocker/en-US from docs/help with PlatyPS before building.
    [switch] $Help,

    # The Microsoft.PowerShell.PlatyPS module folder -Help imports.
    [string] $PlatyPSPath = (Join-Path $PSScriptRoot '../shared/psmodules/Microsoft.PowerShell.PlatyPS'),

    # Do not run dotnet build (the tests then run against what is already in out/ and the test
    # project's bin/).
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

# Runs dotnet quietly; the whole log when it fails.
function Invoke-Dotnet([string[]] $Arguments) {
    $log = & dotnet @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log | Out-Host
        throw "dotnet $($Arguments -join ' ') failed (exit $LASTEXITCODE)."
    }
    $log
}

# The command line that starts another pwsh like this one: the PowerShell .NET tool runs as
# `dotnet pwsh.dll`, a standalone pwsh as itself.
function Get-PwshCommand {
    $process = [System.Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

# Pester as tests/Pester/Pester.proj pins it: restored from NuGet into the package cache, and
# imported from exactly there.
function Get-PesterManifest {
    $project = Join-Path $PSScriptRoot 'tests/Pester/Pester.proj'
    $version = (([xml](Get-Content $project -Raw)).Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester').Version.Trim('[]')
    $null = Invoke-Dotnet @('restore', $project, '-nologo')
    $cache = "$(Invoke-Dotnet @('nuget', 'locals', 'global-packages', '--list'))" -replace '^\s*global-packages:\s*', ''
    $manifest = Join-Path $cache.Trim() "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) {
        throw "Pester $version is not at $manifest after dotnet restore $project."
    }
    $manifest
}

if ($Help) {
    & (Join-Path $PSScriptRoot 'tools/Build-Help.ps1') -PlatyPSPath $PlatyPSPath
}

if (-not $NoBuild) {
    $null = Invoke-Dotnet @('build', (Join-Path $PSScriptRoot 'src/PSDocker/PSDocker.csproj'), '-c', $Configuration, '-nologo')
    Write-Host "Built $(Join-Path $PSScriptRoot 'out/PSDocker') ($Configuration)"
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

    $pester = Get-PesterManifest
    $pesterXml = Join-Path $ResultDirectory 'pester.xml'
    $pwsh = @(Get-PwshCommand)
    $pwshArguments = @($pwsh | Select-Object -Skip 1)
    & $pwsh[0] @pwshArguments -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tests/Pester/Invoke-Suites.ps1') -Pester $pester -Output $pesterXml
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
