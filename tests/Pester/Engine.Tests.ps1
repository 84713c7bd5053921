# The engine cmdlets as a pwsh user types them: docker version/info, system df, events and the
# refusals of system prune. The prune itself is engine-wide, so it runs only in the C# suite and only
# against a private engine; here it is only asked for with -WhatIf or refused.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
}

AfterAll {
    Remove-TestContainers
}

Describe 'Get-ContainerEngine' {
    It 'is docker version and docker info in one object' {
        $engine = Get-ContainerEngine

        $engine | Should -BeOfType PSDocker.EngineInfo
        $engine.ServerVersion | Should -Be (& docker version --format '{{.Server.Version}}')
        "$($engine.ApiVersion)" | Should -Be (& docker version --format '{{.Server.APIVersion}}')
        $engine.Id | Should -Be (& docker info --format '{{.ID}}')
        $engine.StorageDriver | Should -Be (& docker info --format '{{.Driver}}')
        $engine.Cpus | Should -Be ([long](& docker info --format '{{.NCPU}}'))
        $engine.NegotiatedApiVersion | Should -BeOfType [version]
        $engine.ClientVersion.ToString(3) | Should -Be (Get-Module PSDocker).Version.ToString(3)
    }

    It 'shows a list like docker version and docker info' {
        $text = Get-ContainerEngine | Out-String

        $text | Should -Match 'Server\s+: Docker Engine'
        $text | Should -Match 'Storage Driver\s+: '
        $text | Should -Match 'Containers\s+: \d+ \(running \d+'
    }
}

Describe 'Get-ContainerEngineUsage' {
    It 'has the four lines of docker system df' {
        $usage = @(Get-ContainerEngineUsage)

        $usage.Type | Should -Be 'Images', 'Containers', 'Local Volumes', 'Build Cache'
        $usage | ForEach-Object { $_.Reclaimable | Should -BeLessOrEqual ([math]::Max($_.Size, 0)) }
        $usage[0].TotalCount | Should -Be @(& docker system df --format '{{.TotalCount}}')[0]
    }

    It 'shows TYPE TOTAL ACTIVE SIZE RECLAIMABLE' {
        $text = Get-ContainerEngineUsage | Out-String

        $text | Should -Match 'TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE'
        $text | Should -Match 'Local Volumes'
    }

    It 'lists the run''s container in the detail' {
        $container = New-TestContainer

        $items = (Get-ContainerEngineUsage -Detailed | Where-Object Type -EQ Containers).Items

        ($items | Where-Object Name -EQ $container.Name).Active | Should -BeTrue
    }
}

Describe 'Get-ContainerEngineEvent' {
    It 'returns the events of a container up to now, without -Follow' {
        $since = [datetime]::Now.AddSeconds(-1)
        $container = New-TestContainer -Command true
        & docker wait $container.Name > $null

        $events = @(Get-ContainerEngineEvent -Since $since -Filter @{ container = $container.Name })

        $events.Action | Should -Contain 'create'
        $events.Action | Should -Contain 'die'
        $events | ForEach-Object { $_.Time | Should -BeOfType [datetime]; $_.ActorName | Should -Be $container.Name }
    }

    It 'streams with -Follow until -Until' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        Get-ContainerEngineEvent -Follow -Until ([datetime]::Now.AddSeconds(2)) -Filter @{ type = 'daemon'; event = 'nosuch' }
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 1
    }

    It 'refuses an unknown filter key' {
        { Get-ContainerEngineEvent -Filter @{ bogus = 'x' } } | Should -Throw -ErrorId 'InvalidEventFilter,PSDocker.Commands.GetContainerEngineEventCommand'
    }
}

Describe 'Clear-ContainerEngine' {
    It 'removes nothing with -WhatIf and says what it would remove' {
        $container = New-TestContainer -Command true -NoStart

        # In a fresh pwsh, as a user runs it: -WhatIf text goes to the console. (Under the pwsh .NET tool
        # the process is dotnet, which needs pwsh.dll first.)
        $exe = [Environment]::ProcessPath
        $first = @()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $first = @(Join-Path $PSHOME 'pwsh.dll') }
        $module = Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1'
        $output = & $exe @first -NoProfile -NonInteractive -Command "Import-Module '$module'; Clear-ContainerEngine -All -WhatIf" 2>&1 | Out-String

        $output | Should -Match 'What if: Performing the operation "Remove \(system prune\)" on target "all stopped containers'
        Get-TestContainerState $container.Name | Should -Be 'created'
    }

    It 'refuses until with -Volume before asking anything' {
        { Clear-ContainerEngine -Volume -Filter @{ until = '24h' } } | Should -Throw -ErrorId 'InvalidPruneFilter,PSDocker.Commands.ClearContainerEngineCommand'
    }
}
