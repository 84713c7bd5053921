<#
.SYNOPSIS
    A short tour of PSDocker against the local engine: run, a detached web server with a published
    port, listings, details, logs, exec, then stop and remove — objects all the way.

.DESCRIPTION
    Runs in pwsh; ./build.sh runs it after building, in the pwsh of .config/dotnet-tools.json
    (dotnet pwsh). Everything the tour creates carries the label psdocker.demo and is removed at
    the end (also when a step fails); containers without that label are never touched.

.PARAMETER Image
    The image to run: a busybox root file system (./build.sh builds psdocker/busybox:latest).

.PARAMETER Port
    The loopback port the web server is published on.
#>
[CmdletBinding()]
param(
    [string] $Image = 'psdocker/busybox:latest',
    [int] $Port = 18081
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
if (-not (Get-Module PSDocker)) {
    Import-Module (Join-Path $PSScriptRoot '../out/PSDocker/PSDocker.psd1')
}

$label = @{ 'psdocker.demo' = 'tour' }
$demo = 'psdocker.demo=tour'
$web = 'psdocker-demo-web'

# Shows a step the way it would be typed, then runs it; its output goes through Out-Default, so
# the module's table views render exactly as at the prompt.
function Step([scriptblock] $Command) {
    $Host.UI.WriteLine('')
    $Host.UI.WriteLine('PS> ' + $Command.ToString().Trim())
    & $Command | Out-Default
}

function Remove-DemoContainers {
    Get-Container -Label $demo | Remove-Container -Force -Volume
}

function Get-WebPage([string] $Uri) {
    $client = [System.Net.Http.HttpClient]::new()
    try {
        foreach ($attempt in 1..20) {
            try {
                return $client.GetStringAsync($Uri).GetAwaiter().GetResult()
            }
            catch [System.Net.Http.HttpRequestException] {
                [System.Threading.Thread]::Sleep(250)
            }
        }
        throw "Nothing answers at $Uri."
    }
    finally {
        $client.Dispose()
    }
}

$Host.UI.WriteLine("PSDocker tour: engine $(if ($env:DOCKER_HOST) { $env:DOCKER_HOST } else { 'unix:///var/run/docker.sock' }), image $Image, label $demo")
Remove-DemoContainers
try {
    Step { Invoke-Container -Image $Image -Command '/bin/echo', 'hello world' -Remove -Label $label }

    Step {
        Invoke-Container -Image $Image -Name $web -Detach -Port "127.0.0.1:${Port}:80" -Label $label -Command '/bin/sh', '-c',
            'trap "exit 0" TERM; mkdir -p /www; echo "hello from $(hostname)" > /www/index.html; httpd -f -v -p 80 -h /www & wait'
    }
    $Host.UI.WriteLine("   GET http://127.0.0.1:$Port/ -> $((Get-WebPage "http://127.0.0.1:$Port/").Trim())")

    Step { Get-Container -Status Running -Label $demo }
    Step { Get-Container -Label $demo }
    Step { Get-ContainerDetail $web | ForEach-Object { $_.State.Pid } }
    Step { Get-ContainerLog $web -Tail 10 }
    Step { Invoke-ContainerExec $web -Command cat, /etc/hostname }
    Step { Get-Container -Status Running -Label $demo | Stop-Container -PassThru }
    Step { Get-Container -Status Exited -Label $demo | Remove-Container -Force -Volume }
    Step { Remove-Container -Prune -Filter @{ label = $demo } -Force }
    Step { Get-Container -Label $demo }
}
finally {
    Remove-DemoContainers
}
$Host.UI.WriteLine('')
$Host.UI.WriteLine('Tour complete.')
