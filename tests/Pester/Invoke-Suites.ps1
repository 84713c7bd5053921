<#
.SYNOPSIS
    Runs the Pester suites of this folder with the Pester module at -Pester (build.ps1 passes the
    one tests/Pester/Pester.proj restores from NuGet) and writes NUnit XML to -Output. Exits 1
    when a test failed or none passed. build.ps1 -Test starts it in a fresh pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $Pester,
    [Parameter(Mandatory)] [string] $Output
)

$ErrorActionPreference = 'Stop'
Import-Module $Pester
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $Output
Write-Host "Pester $((Get-Module Pester).Version) ($Pester) in pwsh $($PSVersionTable.PSVersion)"
$result = Invoke-Pester -Configuration $config
if ($result.Result -ne 'Passed' -or $result.PassedCount -eq 0) {
    exit 1
}
