# Dot-sourced by every Pester suite (BeforeAll { . $PSScriptRoot/TestEngine.ps1 }): imports the built
# module from out/PSDocker and sets up what the suites share, against the engine at $env:DOCKER_HOST
# (else /var/run/docker.sock):
#   $TestImage        the busybox image the containers run (./test.sh and ./build.sh build it)
#   $TestLabel        hashtable label for resources created through the module
#   $TestLabelFilter  'psdocker.pester=<runid>' for -Label filters
#   New-TestContainer / Get-TestContainerState / Remove-TestContainers: setup and independent checks
#   through the docker CLI, never through the module under test.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1') -Force

$script:TestImage = 'psdocker/busybox:latest'
$script:TestRunId = [guid]::NewGuid().ToString('N').Substring(0, 10)
$script:TestLabel = @{ 'psdocker.pester' = $TestRunId }
$script:TestLabelFilter = "psdocker.pester=$TestRunId"

& docker version --format '{{.Server.Version}}' *> $null
if ($LASTEXITCODE -ne 0) {
    throw "The Pester suites need a running Docker engine (DOCKER_HOST or /var/run/docker.sock) and the docker CLI: run ./test.sh, which starts one."
}
& docker image inspect $TestImage *> $null
if ($LASTEXITCODE -ne 0) {
    throw "The test image $TestImage is missing: ./test.sh or ./build.sh builds it."
}

function New-TestContainer {
    param(
        [string[]] $Command = @('sleep', '300'),
        [switch] $NoStart
    )
    $name = "psd-pester-$TestRunId-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
    $id = & docker create --name $name --label "psdocker.pester=$TestRunId" $TestImage @Command
    if ($LASTEXITCODE -ne 0) { throw "docker create failed for $name" }
    if (-not $NoStart) {
        & docker start $name > $null
        if ($LASTEXITCODE -ne 0) { throw "docker start failed for $name" }
    }
    [pscustomobject]@{ Name = $name; Id = "$id".Trim() }
}

function Get-TestContainerState([string] $Name) {
    $state = & docker inspect --format '{{.State.Status}}' $Name 2> $null
    if ($LASTEXITCODE -ne 0) { return 'missing' }
    "$state".Trim()
}

function Remove-TestContainers {
    $ids = @(& docker ps -aq --filter "label=psdocker.pester=$TestRunId")
    if ($ids.Count -gt 0) {
        & docker rm -f -v @ids > $null
    }
}
