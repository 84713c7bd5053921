# Dot-sourced by every Pester suite (BeforeAll { . $PSScriptRoot/TestEngine.ps1 }): imports the built
# module from out/PSDocker and sets up what the suites share, against the engine at $env:DOCKER_HOST
# (else /var/run/docker.sock):
#   $TestImage        the busybox image the containers run (./test.sh and ./build.sh build it)
#   $TestLabel        hashtable label for resources created through the module
#   $TestLabelFilter  'psdocker.pester=<runid>' for -Label filters
#   New-TestContainer / Get-TestContainerState / Remove-TestContainers: setup and independent checks
#   through the docker CLI, never through the module under test.
#   New-TestName, Get-FreeTcpPort, Get-WebContent: names, loopback ports and HTTP for the suites.
#   Invoke-UserScript: a script run in a fresh pwsh as a user runs it, for what only the console
#   shows (-WhatIf text, -Confirm prompts answered on stdin).
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

# A container command that ends at once on SIGTERM (a plain sleep as PID 1 ignores it for 10 s).
$script:StoppableCommand = @('sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done')

function New-TestName {
    "psd-pester-$TestRunId-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
}

function New-TestContainer {
    param(
        [string[]] $Command = @('sleep', '300'),
        [switch] $NoStart
    )
    $name = New-TestName
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

# A TCP port free on 127.0.0.1 right now.
function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# The body of a loopback URL, retried while the server in a just-started container comes up.
function Get-WebContent([string] $Uri) {
    $client = [System.Net.Http.HttpClient]::new()
    try {
        foreach ($attempt in 1..40) {
            try {
                return $client.GetStringAsync($Uri).GetAwaiter().GetResult()
            }
            catch [System.Net.Http.HttpRequestException] {
                Start-Sleep -Milliseconds 250
            }
        }
        throw "Nothing answers at $Uri."
    }
    finally {
        $client.Dispose()
    }
}

# Runs a script in a fresh pwsh with the module imported, its stdin fed with $InputLine (answers to
# prompts), and returns everything it printed as one string: what a user sees at the console.
function Invoke-UserScript([string] $Script, [string[]] $InputLine = @()) {
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-$TestRunId-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content $file -Value ("Import-Module '$(Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1')'`n" + $Script)
    $noColor = $env:NO_COLOR
    try {
        $env:NO_COLOR = '1'
        # pwsh installed as a .NET tool runs as 'dotnet pwsh.dll': start it the same way.
        $hostArguments = @(if ((Split-Path ([System.Environment]::ProcessPath) -Leaf) -like 'dotnet*') { [System.Environment]::GetCommandLineArgs()[0] })
        $InputLine + '' | & ([System.Environment]::ProcessPath) @hostArguments -NoProfile -File $file 2>&1 | Out-String
    }
    finally {
        $env:NO_COLOR = $noColor
        Remove-Item $file -ErrorAction Ignore
    }
}
