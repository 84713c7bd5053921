# The image scenarios of issue 15, dot-sourced by Invoke-Benchmark.ps1. They run when this build has
# the cmdlets (Save-Image, Import-Image, Install-Image, Publish-Image) and are reported as "not
# available in this build" otherwise. Their parameter names are looked up on the cmdlets, so the
# harness does not depend on one spelling (-Name/-Reference, -Path/-LiteralPath…).

function Test-Cmdlet([string] $Name) { [bool](Get-Command $Name -ErrorAction Ignore) }

# The first of the candidate parameter names that the command has.
function Get-ParameterName([string] $Command, [string[]] $Candidates) {
    $keys = (Get-Command $Command).Parameters.Keys
    $found = $Candidates | Where-Object { $_ -in $keys } | Select-Object -First 1
    if (-not $found) { throw "$Command has none of the parameters $($Candidates -join ', ')." }
    $found
}

function Invoke-Cmdlet([string] $Command, [hashtable] $Parameters) {
    $keys = (Get-Command $Command).Parameters.Keys
    if ('Confirm' -in $keys) { $Parameters.Confirm = $false }
    & $Command @Parameters
}

# An image of SizeMiB MiB of random data (incompressible), built with docker import (no registry).
function New-BigImage([string] $Tag, [int] $SizeMiB) {
    $dir = Join-Path $OutDir "rootfs-$SizeMiB"
    New-Item -ItemType Directory -Force $dir | Out-Null
    $script = "head -c $($SizeMiB)M /dev/urandom > '$dir/blob' && tar -C '$dir' -c . | docker import -c 'LABEL psdocker.bench=$RunId' - '$Tag' >/dev/null"
    $null = Invoke-Native /bin/sh @('-c', $script)
    Remove-Item -Recurse -Force $dir
}

function Remove-Image([string[]] $Tags) {
    $null = Invoke-Native docker (@('rmi', '-f') + $Tags) -AllowFailure
}

# Warms PSDocker and the floor on the small base image (untimed), as the remove and stop scenarios warm
# theirs: the timed runs then measure a warm pwsh and a warm floor, not their first JIT of the path.
function Invoke-WarmRound([scriptblock] $PSDocker, [string] $Floor) {
    $null = & $PSDocker
    $null = Invoke-Floor $Floor
}

# Writes the page cache's dirty data to disk (untimed, before each run of the archive scenarios), so
# that no contender pays for the writeback of the 300 MiB the previous one (or the setup) wrote.
function Sync-Disk { $null = Invoke-Native sync @() }

# A local registry (docker-registry, loopback only) with empty storage; restarted empty by each call.
$script:Registry = $null
$script:RegistryPort = $null
function Start-Registry {
    Stop-Registry
    if (-not (Get-Command docker-registry -ErrorAction Ignore)) { throw 'docker-registry is not installed (apt-get install docker-registry).' }
    $dir = Join-Path $OutDir 'registry'
    Remove-Item -Recurse -Force $dir -ErrorAction Ignore
    New-Item -ItemType Directory -Force "$dir/data" | Out-Null
    $port = if ($script:RegistryPort) { $script:RegistryPort } else { Get-Random -Minimum 20000 -Maximum 40000 }
    $script:RegistryPort = $port
    @"
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
"@ | Set-Content "$dir/config.yml"
    $psi = [Diagnostics.ProcessStartInfo]::new('docker-registry')
    $psi.ArgumentList.Add('serve'); $psi.ArgumentList.Add("$dir/config.yml")
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
    $script:Registry = [Diagnostics.Process]::Start($psi)
    $null = $script:Registry.StandardOutput.BaseStream.CopyToAsync([IO.Stream]::Null)
    $null = $script:Registry.StandardError.BaseStream.CopyToAsync([IO.Stream]::Null)
    $client = [Net.Http.HttpClient]::new()
    try {
        for ($i = 0; $i -lt 100; $i++) {
            try { if ($client.GetAsync("http://127.0.0.1:$port/v2/").Result.IsSuccessStatusCode) { return "127.0.0.1:$port" } } catch { Start-Sleep -Milliseconds 100 }
        }
    }
    finally { $client.Dispose() }
    throw "the local registry did not answer on 127.0.0.1:$port"
}

function Stop-Registry {
    if ($script:Registry -and -not $script:Registry.HasExited) {
        $script:Registry.Kill()
        $script:Registry.WaitForExit(5000) | Out-Null
    }
    $script:Registry = $null
}

$Scenarios.Add(@{
        Name        = 'save-300'
        Title       = 'Save-Image, 300 MiB image'
        Runs        = $runs.Heavy
        Memory      = $true
        Available   = { Test-Cmdlet Save-Image }
        Unavailable = 'Save-Image is not in this build'
        Setup       = {
            $script:BigImage = "psdbench/big:$RunId"
            New-BigImage $BigImage 300
            $script:SaveFile = Join-Path $OutDir 'big.tar'
            $script:SaveName = Get-ParameterName Save-Image 'Name', 'Reference', 'Image', 'Id'
            $script:SavePath = Get-ParameterName Save-Image 'Path', 'LiteralPath', 'FilePath', 'Destination', 'OutFile'
            $warm = Join-Path $OutDir 'warm.tar'
            Invoke-WarmRound { Remove-Item $warm -ErrorAction Ignore; Invoke-Cmdlet Save-Image @{ $SaveName = $Image; $SavePath = $warm } } "save $Image $warm"
            Remove-Item $warm -ErrorAction Ignore
        }
        Prepare     = { Remove-Item $SaveFile -ErrorAction Ignore; Sync-Disk }
        PSDocker    = {
            $before = Reset-PeakMemory
            $ms = Measure-PSDocker { Invoke-Cmdlet Save-Image @{ $SaveName = $BigImage; $SavePath = $SaveFile } }
            @{ Ms = $ms; PeakGrowth = [Math]::Max(0, (Get-ProcStatus 'VmHWM:') - $before) }
        }
        CLI         = { $r = Invoke-Docker @('save', '-o', $SaveFile, $BigImage) -PeakMemory; @{ Ms = $r.Ms; Peak = $r.PeakBytes } }
        Floor       = { $r = Invoke-Floor "save $BigImage $SaveFile"; @{ Ms = $r.Ms; PeakGrowth = [long]$r.Extra.peakGrowthBytes } }
        Check       = { if ((Get-Item $SaveFile).Length -lt 300MB) { throw "the archive is smaller than the image ($((Get-Item $SaveFile).Length) bytes)" } }
        Targets     = @(
            (Target 'throughput ≥ 0.95× docker save -o' { param($m) $m.RatioCli -le (1 / 0.95) }),
            (Target 'memory growth < 64 MiB' { param($m) $m.PeakGrowth -lt 64MB }))
    })

$Scenarios.Add(@{
        Name        = 'import-300'
        Title       = 'Import-Image, 300 MiB archive'
        Runs        = $runs.Heavy
        Memory      = $true
        Available   = { Test-Cmdlet Import-Image }
        Unavailable = 'Import-Image is not in this build'
        Setup       = {
            if (-not (Get-Variable BigImage -Scope Script -ErrorAction Ignore)) {
                $script:BigImage = "psdbench/big:$RunId"
                New-BigImage $BigImage 300
            }
            $script:LoadFile = Join-Path $OutDir 'big-load.tar'
            $null = Invoke-Docker @('save', '-o', $LoadFile, $BigImage)
            $script:LoadPath = Get-ParameterName Import-Image 'Path', 'LiteralPath', 'FilePath', 'InputPath'
            $warm = Join-Path $OutDir 'warm-load.tar'
            $null = Invoke-Docker @('save', '-o', $warm, $Image)
            Invoke-WarmRound { Invoke-Cmdlet Import-Image @{ $LoadPath = $warm } } "load $warm"
            Remove-Item $warm -ErrorAction Ignore
        }
        # Loaded into an engine without the image each time, so every layer is written.
        Prepare     = { Remove-Image $BigImage; Sync-Disk }
        PSDocker    = {
            $before = Reset-PeakMemory
            $ms = Measure-PSDocker { Invoke-Cmdlet Import-Image @{ $LoadPath = $LoadFile } }
            @{ Ms = $ms; PeakGrowth = [Math]::Max(0, (Get-ProcStatus 'VmHWM:') - $before) }
        }
        CLI         = { $r = Invoke-Docker @('load', '-q', '-i', $LoadFile) -PeakMemory; @{ Ms = $r.Ms; Peak = $r.PeakBytes } }
        Floor       = { $r = Invoke-Floor "load $LoadFile"; @{ Ms = $r.Ms; PeakGrowth = [long]$r.Extra.peakGrowthBytes } }
        Check       = { $null = Invoke-Docker @('image', 'inspect', $BigImage) }
        Teardown    = { Remove-Item $LoadFile, (Join-Path $OutDir 'big.tar') -ErrorAction Ignore; Remove-Image $BigImage }
        Targets     = @(
            (Target 'throughput ≥ 0.95× docker load -i' { param($m) $m.RatioCli -le (1 / 0.95) }),
            (Target 'memory growth < 64 MiB' { param($m) $m.PeakGrowth -lt 64MB }))
    })

$Scenarios.Add(@{
        Name        = 'publish-100'
        Title       = 'Publish-Image, 100 MiB to a local registry'
        Runs        = $runs.Heavy
        Available   = { (Test-Cmdlet Publish-Image) -and (Get-Command docker-registry -ErrorAction Ignore) }
        Unavailable = 'Publish-Image (or docker-registry) is not in this build'
        Setup       = {
            $script:RegistryHost = Start-Registry
            $script:PushImage = "$RegistryHost/psdbench/push:1"
            New-BigImage $PushImage 100
            $script:PushName = Get-ParameterName Publish-Image 'Name', 'Reference', 'Image'
            $warm = "$RegistryHost/psdbench/warm"
            $null = Invoke-Docker @('tag', $Image, "$($warm):1")
            Invoke-WarmRound { Invoke-Cmdlet Publish-Image @{ $PushName = "$($warm):1" } } "push $warm 1"
            Remove-Image "$($warm):1"
        }
        # An empty registry each time, so every layer is uploaded.
        Prepare     = { $null = Start-Registry }
        PSDocker    = { Measure-PSDocker { Invoke-Cmdlet Publish-Image @{ $PushName = $PushImage } } }
        CLI         = { (Invoke-Docker @('push', '-q', $PushImage)).Ms }
        Floor       = { (Invoke-Floor "push $($PushImage -replace ':1$') 1").Ms }
        Teardown    = { Remove-Image $PushImage; Stop-Registry }
        Targets     = @((Target '≤ 1.05× docker push' { param($m) $m.RatioCli -le 1.05 }))
    })

$Scenarios.Add(@{
        Name        = 'install-100'
        Title       = 'Install-Image, 100 MiB from a local registry'
        Runs        = $runs.Heavy
        Available   = { (Test-Cmdlet Install-Image) -and (Get-Command docker-registry -ErrorAction Ignore) }
        Unavailable = 'Install-Image (or docker-registry) is not in this build'
        Setup       = {
            $script:RegistryHost = Start-Registry
            $script:PullImage = "$RegistryHost/psdbench/pull:1"
            New-BigImage $PullImage 100
            $null = Invoke-Docker @('push', '-q', $PullImage)
            Remove-Image $PullImage
            $script:PullName = Get-ParameterName Install-Image 'Name', 'Reference', 'Image'
            $warm = "$RegistryHost/psdbench/warm"
            $null = Invoke-Docker @('tag', $Image, "$($warm):1")
            $null = Invoke-Docker @('push', '-q', "$($warm):1")
            Remove-Image "$($warm):1"
            Invoke-WarmRound { Invoke-Cmdlet Install-Image @{ $PullName = "$($warm):1" } } "pull $warm 1"
            Remove-Image "$($warm):1"
        }
        # Pulled into an engine without the image each time, so every layer is downloaded.
        Prepare     = { Remove-Image $PullImage }
        PSDocker    = { Measure-PSDocker { Invoke-Cmdlet Install-Image @{ $PullName = $PullImage } } }
        CLI         = { (Invoke-Docker @('pull', '-q', $PullImage)).Ms }
        Floor       = { (Invoke-Floor "pull $($PullImage -replace ':1$') 1").Ms }
        Check       = { $null = Invoke-Docker @('image', 'inspect', $PullImage) }
        Teardown    = { Remove-Image $PullImage; Stop-Registry }
        Targets     = @((Target '≤ 1.05× docker pull' { param($m) $m.RatioCli -le 1.05 }))
    })
