# The volume cmdlets as a pwsh user types them, against the real engine: docker volume ls, create,
# rm, prune, named volumes in -Volume, the view and the completion. Everything carries this run's
# label and is removed at the end (through the docker CLI, never through the module under test).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    function Remove-TestVolumes {
        $names = @(& docker volume ls -q --filter "label=psdocker.pester=$TestRunId")
        if ($names.Count -gt 0) { & docker volume rm -f @names > $null }
    }

    function Test-Volume([string] $Name) {
        & docker volume inspect $Name *> $null
        $LASTEXITCODE -eq 0
    }

    function New-TestVolume([hashtable] $Label = @{}) {
        $name = New-TestName
        $labels = @('--label', "psdocker.pester=$TestRunId") + @($Label.GetEnumerator() | ForEach-Object { '--label', "$($_.Key)=$($_.Value)" })
        & docker volume create @labels $name > $null
        if ($LASTEXITCODE -ne 0) { throw "docker volume create failed for $name" }
        $name
    }
}

AfterAll {
    Remove-TestContainers
    Remove-TestVolumes
}

Describe 'New-ContainerVolume' {
    It 'creates a labelled volume with driver options, as docker volume create' {
        $name = New-TestName

        $volume = New-ContainerVolume $name -DriverOption @{ type = 'tmpfs'; device = 'tmpfs' } -Label $TestLabel

        $volume | Should -BeOfType PSDocker.ContainerVolume
        $volume.Driver | Should -Be 'local'
        $volume.Created | Should -BeOfType datetime
        (& docker volume inspect $name --format '{{.Options.type}} {{index .Labels "psdocker.pester"}}') | Should -Be "tmpfs $TestRunId"
    }

    It 'lets the engine name a volume created without -Name' {
        $volume = New-ContainerVolume -Label $TestLabel

        $volume.Name | Should -Match '^[0-9a-f]{64}$'
        Test-Volume $volume.Name | Should -BeTrue
    }
}

Describe 'Get-ContainerVolume' {
    BeforeAll {
        $script:listed = New-TestVolume
    }

    It 'lists volumes like docker volume ls, DRIVER VOLUME NAME' {
        $lines = (Get-ContainerVolume $listed | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^DRIVER\s+VOLUME NAME\s*$'
        $lines[2] | Should -Match "^local\s+$listed\s*$"
    }

    It 'finds the labelled volumes with wildcards and label filters' {
        @(Get-ContainerVolume "psd-pester-$TestRunId-*" -Label $TestLabel).Name | Should -Contain $listed
    }

    It 'writes VolumeNotFound for an unknown name' {
        Get-ContainerVolume "nosuch-$TestRunId" -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'VolumeNotFound,PSDocker.Commands.GetContainerVolumeCommand'
        $errors[0].TargetObject | Should -Be "nosuch-$TestRunId"
    }
}

Describe 'A named volume in -Volume' {
    It 'keeps what one container wrote for the next one to read' {
        $name = (New-ContainerVolume (New-TestName) -Label $TestLabel).Name

        Invoke-Container $TestImage -Volume "${name}:/data" -Remove -Label $TestLabel -Command sh, -c, 'echo written-before > /data/note'
        Invoke-Container $TestImage -Volume "${name}:/data:ro" -Remove -Label $TestLabel -Command cat, /data/note | Should -Be 'written-before'
    }
}

Describe 'Remove-ContainerVolume' {
    It 'removes piped volumes' {
        $name = New-TestVolume

        Get-ContainerVolume $name | Remove-ContainerVolume

        Test-Volume $name | Should -BeFalse
    }

    It 'keeps a volume a container uses and writes VolumeInUse, even with -Force' {
        $name = New-TestVolume
        & docker create --label "psdocker.pester=$TestRunId" -v "${name}:/data" $TestImage true > $null

        Remove-ContainerVolume $name -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'VolumeInUse,PSDocker.Commands.RemoveContainerVolumeCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        Test-Volume $name | Should -BeTrue
    }

    It 'writes VolumeNotFound for an unknown volume, and nothing with -Force' {
        Remove-ContainerVolume "nosuch-$TestRunId" -ErrorVariable errors -ErrorAction SilentlyContinue
        Remove-ContainerVolume "nosuch-$TestRunId" -Force -ErrorVariable forced -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'VolumeNotFound,PSDocker.Commands.RemoveContainerVolumeCommand'
        $forced | Should -BeNullOrEmpty
    }

    It 'prunes unused named volumes of the label over API 1.41, and keeps used ones' {
        $case = @{ 'psdocker.case' = [guid]::NewGuid().ToString('N').Substring(0, 8) }
        $unused = New-TestVolume -Label $case
        $used = New-TestVolume -Label $case
        & docker create --label "psdocker.pester=$TestRunId" -v "${used}:/data" $TestImage true > $null

        $result = Remove-ContainerVolume -Prune -Label $case -Force

        $result.ResourceType | Should -Be 'Volume'
        $result.Deleted | Should -Be $unused
        Test-Volume $unused | Should -BeFalse
        Test-Volume $used | Should -BeTrue
    }
}

Describe 'Volume completion' {
    It 'completes volume names for -Name of the volume cmdlets' {
        $name = New-TestVolume
        foreach ($line in "Remove-ContainerVolume $($name.Substring(0, $name.Length - 3))", "Get-ContainerVolume $($name.Substring(0, $name.Length - 3))") {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $name -Because $line
        }
    }
}
