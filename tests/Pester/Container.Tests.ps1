BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
}

AfterAll {
    Remove-TestContainers
}

Describe 'Get-Container' {
    BeforeAll {
        $script:running = New-TestContainer -Command sleep, 300
        $script:created = New-TestContainer -Command true -NoStart
    }

    It 'lists running and created containers as typed objects with their engine' {
        $all = @(Get-Container -Label $TestLabelFilter)

        $all | Should -HaveCount 2
        $all | ForEach-Object { $_ | Should -BeOfType PSDocker.Container }
        ($all | Where-Object Name -EQ $running.Name).State | Should -Be ([PSDocker.ContainerState]::Running)
        ($all | Where-Object Name -EQ $created.Name).State | Should -Be ([PSDocker.ContainerState]::Created)
        $all | ForEach-Object { $_.Engine | Should -Not -BeNullOrEmpty }
    }

    It 'filters on -Status' {
        $names = @(Get-Container -Label $TestLabelFilter -Status Running).Name

        $names | Should -Contain $running.Name
        $names | Should -Not -Contain $created.Name
    }

    It 'writes ContainerNotFound for an unknown name and still lists the known one' {
        $found = @(Get-Container -Name "nosuch-$TestRunId", $running.Name -ErrorVariable errors -ErrorAction SilentlyContinue)

        $found.Name | Should -Be $running.Name
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotFound,PSDocker.Commands.GetContainerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be "nosuch-$TestRunId"
    }
}

Describe 'Stop-Container' {
    It 'stops a container piped from Get-Container' {
        $c = New-TestContainer -Command sleep, 300

        Get-Container -Name $c.Name | Stop-Container -Timeout 1

        Get-TestContainerState $c.Name | Should -Be 'exited'
    }

    It 'leaves the container running with -WhatIf' {
        $c = New-TestContainer -Command sleep, 300

        Stop-Container -Name $c.Name -WhatIf

        Get-TestContainerState $c.Name | Should -Be 'running'
    }

    It 'emits the stopped container with -PassThru' {
        $c = New-TestContainer -Command sleep, 300

        $result = Stop-Container -Name $c.Name -Timeout 1 -PassThru

        $result | Should -BeOfType PSDocker.Container
        $result.Name | Should -Be $c.Name
        $result.State | Should -Be ([PSDocker.ContainerState]::Exited)
    }
}
