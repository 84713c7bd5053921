# The container tools as a pwsh user types them, against the real engine: docker top, stats, diff,
# port, cp and update. What the console shows (the docker-like views), the typed objects underneath,
# the errors, and the effect on the engine checked through the docker CLI. Exhaustive cases live in
# the C# suite (ContainerToolsTests, CopyContainerItemTests).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    # A running container with files of known modes and times, and a published port.
    $script:port = Get-FreeTcpPort
    $script:web = New-TestName
    & docker run -d --name $web --label "psdocker.pester=$TestRunId" -p "127.0.0.1:${port}:80" $TestImage sh -c `
        "mkdir -p /data/sub && echo hello > /data/a.txt && echo deep > /data/sub/b.txt && chmod 640 /data/a.txt && touch -d '2020-01-02 03:04:05' /data/a.txt && touch /ready && exec sleep 600" > $null
    if ($LASTEXITCODE -ne 0) { throw "docker run failed for $web" }
    foreach ($attempt in 1..100) {
        & docker exec $web test -e /ready 2> $null
        if ($LASTEXITCODE -eq 0) { break }
        Start-Sleep -Milliseconds 100
    }
    $script:stopped = New-TestContainer -Command true -NoStart
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-cp-$TestRunId"
    $null = New-Item -ItemType Directory -Path $work -Force

    # The lines of a table as Out-String renders it at a console of that width.
    function Get-Lines([object[]] $InputObject, [int] $Width = 160) {
        ($InputObject | Out-String -Width $Width) -split '\r?\n' | Where-Object { $_.Trim() }
    }
}

AfterAll {
    Remove-TestContainers
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}

Describe 'Get-ContainerProcess' {
    It 'lists the processes with docker top''s columns, typed underneath' {
        $processes = @(Get-ContainerProcess $web)

        $processes | Should -HaveCount 1
        $processes[0] | Should -BeOfType PSDocker.ContainerProcess
        $processes[0].Pid | Should -Be ([int](& docker inspect -f '{{.State.Pid}}' $web))
        $processes[0].Command | Should -Be 'sleep 600'
        $lines = Get-Lines $processes
        $lines | Should -Contain "   Container: $web"
        $lines -match '^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD\s*$' | Should -HaveCount 1
    }

    It 'keeps the columns of other ps arguments by title' {
        (Get-ContainerProcess $web -PsArgs aux).Columns.Keys | Should -Contain '%MEM'
    }

    It 'writes ContainerNotRunning for a stopped container' {
        Get-ContainerProcess $stopped.Name -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotRunning,PSDocker.Commands.GetContainerProcessCommand'
        $errors[0].TargetObject | Should -Be $stopped.Name
        "$($errors[0])" | Should -Match ([regex]::Escape($stopped.Name))
    }
}

Describe 'Get-ContainerStatistics' {
    It 'prints one sample per container with docker stats'' columns' {
        $sample = Get-ContainerStatistics $web

        $sample | Should -BeOfType PSDocker.ContainerStatistics
        $sample.MemoryUsage | Should -BeOfType long
        $sample.CpuPercent | Should -BeOfType double
        $sample.Pids | Should -Be 1
        $lines = Get-Lines $sample
        $lines[0] | Should -Match '^CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE / LIMIT\s+MEM %\s+NET I/O\s+BLOCK I/O\s+PIDS\s*$'
        $lines[2] | Should -Match "^$($sample.ShortId) "
        $lines[2] | Should -Match '\d+\.\d\d%\s+[\d.]+(B|KiB|MiB|GiB) / [\d.]+(B|KiB|MiB|GiB)\s+\d+\.\d\d%'
    }

    It 'writes ContainerNotRunning for a stopped container, where docker stats prints zeros' {
        Get-ContainerStatistics $stopped.Name -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotRunning,PSDocker.Commands.GetContainerStatisticsCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'streams samples with -Stream until the pipeline has enough' {
        $samples = @(Get-ContainerStatistics $web -Stream | Select-Object -First 2)

        $samples | Should -HaveCount 2
        $samples[1].Read | Should -BeGreaterThan $samples[0].Read
    }
}

Describe 'Get-ContainerChange' {
    It 'prints the changes as docker diff does' {
        $changes = @(Get-ContainerChange $web)

        $changes.Path | Should -Contain '/data/a.txt'
        ($changes | Where-Object Path -EQ '/data/a.txt').Kind | Should -Be ([PSDocker.ContainerChangeKind]::Added)
        Get-Lines $changes | Should -Contain 'A /data/a.txt'
    }
}

Describe 'Get-ContainerPort' {
    It 'emits the published port as a PortMapping' {
        $mapping = Get-ContainerPort $web 80/tcp

        $mapping.HostPort | Should -Be $port
        $mapping.HostIp | Should -Be '127.0.0.1'
        "$mapping" | Should -Be "127.0.0.1:$port->80/tcp"
    }

    It 'writes PortNotPublished for a port the container does not publish' {
        Get-ContainerPort $web 81 -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'PortNotPublished,PSDocker.Commands.GetContainerPortCommand'
    }
}

Describe 'Copy-ContainerItem' {
    It 'copies a file out, keeping its mode and time, relative to the current location' {
        Push-Location $work
        try {
            Copy-ContainerItem -Container $web -Path /data/a.txt -Destination ./a.txt
        }
        finally {
            Pop-Location
        }

        $copy = Get-Item (Join-Path $work 'a.txt')
        Get-Content $copy | Should -Be 'hello'
        $copy.LastWriteTimeUtc | Should -Be ([datetime]::new(2020, 1, 2, 3, 4, 5, [System.DateTimeKind]::Utc))
        if (-not $IsWindows) { $copy.UnixMode | Should -Be '-rw-r-----' }
    }

    It 'copies a folder into an existing folder, and /. copies its contents' {
        $into = New-Item -ItemType Directory -Path (Join-Path $work 'into') -Force
        $contents = Join-Path $work 'contents'

        Copy-ContainerItem $web /data $into
        Copy-ContainerItem $web /data/. $contents

        Join-Path $into 'data/sub/b.txt' | Should -Exist
        Join-Path $contents 'sub/b.txt' | Should -Exist
    }

    It 'copies into the container with -ToContainer' {
        $source = Join-Path $work 'upload.txt'
        Set-Content $source 'uploaded'

        Copy-ContainerItem $web $source /data/upload.txt -ToContainer

        & docker exec $web cat /data/upload.txt | Should -Be 'uploaded'
    }

    It 'writes ContainerPathNotFound for a path the container does not have, and writes nothing' {
        $destination = Join-Path $work 'missing.txt'

        Copy-ContainerItem $web /no/such/file $destination -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerPathNotFound,PSDocker.Commands.CopyContainerItemCommand'
        $errors[0].TargetObject | Should -Be '/no/such/file'
        $destination | Should -Not -Exist
    }

    It 'copies nothing with -WhatIf, in either direction' {
        $source = Join-Path $work 'whatif-in.txt'
        Set-Content $source 'x'

        Copy-ContainerItem $web /data/a.txt (Join-Path $work 'whatif.txt') -WhatIf
        Copy-ContainerItem $web $source /data/whatif-in.txt -ToContainer -WhatIf

        Join-Path $work 'whatif.txt' | Should -Not -Exist
        & docker exec $web test -e /data/whatif-in.txt
        $LASTEXITCODE | Should -Be 1
    }

    It 'completes -Container with the engine''s container names' {
        $line = "Copy-ContainerItem -Container $web"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $web
    }
}

Describe 'Update-Container' {
    It 'changes the limits and restart policy, as docker inspect shows' {
        $updated = Update-Container $web -Memory 128MB -MemorySwap -1 -Cpus 1.5 -RestartPolicy unless-stopped -PassThru

        $updated.Name | Should -Be $web
        & docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}}' $web | Should -Be "$(128MB) 1500000000 unless-stopped"
    }

    It 'writes ContainerNotFound for an unknown container' {
        Update-Container "nosuch-$TestRunId" -Cpus 1 -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotFound,PSDocker.Commands.UpdateContainerCommand'
        $errors[0].TargetObject | Should -Be "nosuch-$TestRunId"
    }

    It 'stops with NothingToUpdate when nothing is given' {
        $caught = try { Update-Container $web } catch { $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'NothingToUpdate,PSDocker.Commands.UpdateContainerCommand'
    }
}
