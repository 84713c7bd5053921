# Enter-Container (docker exec -it) and Connect-Container (docker attach) as a pwsh user meets them.
# A test run has no console to put in raw mode, so these cover what a script or runbook sees: the
# ConsoleRequired error at once, and attach output as objects in the pipeline. The terminal session
# itself is driven against real execs in the C# suite (InteractiveTests).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
    $script:running = New-TestContainer
}

AfterAll {
    Remove-TestContainers
}

Describe 'Enter-Container' {
    It 'stops at once with ConsoleRequired in a pwsh whose input is redirected, pointing to Invoke-ContainerExec' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $shown = Invoke-UserScript @"
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
Enter-Container $($running.Name)
"id: `$(`$Error[0].FullyQualifiedErrorId); category: `$(`$Error[0].CategoryInfo.Category); first: `$(`$clock.ElapsedMilliseconds)"
`$clock.Restart()
Enter-Container $($running.Name) 2> `$null
"again: `$(`$clock.ElapsedMilliseconds)"
"@
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60

        $shown | Should -Match 'needs an interactive console'
        $shown | Should -Match 'Invoke-ContainerExec'
        $shown | Should -Match 'id: ConsoleRequired,PSDocker.Commands.EnterContainerCommand; category: InvalidOperation'
        # The first call loads and compiles the module's code in a fresh pwsh; no call waits for anything.
        [int]([regex]::Match($shown, 'first: (\d+)').Groups[1].Value) | Should -BeLessThan 5000
        [int]([regex]::Match($shown, 'again: (\d+)').Groups[1].Value) | Should -BeLessThan 1000
        # Nothing was started in the container.
        & docker inspect --format '{{len .ExecIDs}}' $running.Name | Should -Be '0'
    }

    It 'refuses detach keys the docker syntax does not know' {
        { Enter-Container $running.Name -DetachKeys 'ctrl-P' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidDetachKeys,PSDocker.Commands.EnterContainerCommand'
    }
}

Describe 'Connect-Container' {
    It 'writes what the container prints as log entries until it stops, and sets $LASTEXITCODE' {
        $name = New-TestName
        & docker run -d --name $name --label "psdocker.pester=$TestRunId" $TestImage sh -c 'sleep 2; echo one; sleep 0.3; echo two >&2; sleep 0.3; echo three; exit 3' > $null

        $entries = @(Connect-Container $name)

        $entries.Message | Should -Be @('one', 'two', 'three')
        $entries | ForEach-Object { $_ | Should -BeOfType PSDocker.ContainerLogEntry }
        $entries.Stream | Should -Be @('StdOut', 'StdErr', 'StdOut')
        $entries[0].ContainerName | Should -Be $name
        $LASTEXITCODE | Should -Be 3
        Get-TestContainerState $name | Should -Be 'exited'
    }

    It 'ends quietly when a later command has had enough (Select-Object -First), and the script goes on' {
        $ticker = New-TestContainer -Command sh, -c, 'while true; do echo tick; sleep 0.2; done'

        # A script file, as a user runs one: a stop by Select-Object must not abort the rest of it.
        $out = Invoke-UserScript "`$first = @(Connect-Container $($ticker.Name) | Select-Object -First 2); `"after: `$(`$first.Message -join ',')`""

        $out | Should -Match 'after: tick,tick'
        $out | Should -Not -Match 'pipeline has been stopped'
        Get-TestContainerState $ticker.Name | Should -Be 'running'
    }

    It 'reports how the session ended with -PassThru' {
        $name = New-TestName
        & docker run -d --name $name --label "psdocker.pester=$TestRunId" $TestImage sh -c 'sleep 2; echo bye' > $null

        $output = @(Get-Container -Name $name | Connect-Container -PassThru)

        $output[0].Message | Should -Be 'bye'
        $result = $output[-1]
        $result | Should -BeOfType PSDocker.ContainerSessionResult
        $result.ExitCode | Should -Be 0
        $result.Detached | Should -BeFalse
        ($result | Out-String) | Should -Match "CONTAINER\s+EXIT CODE\s+DETACHED\s+COMMAND"
    }

    It 'writes ContainerNotRunning for a stopped container, naming it' {
        $stopped = New-TestContainer -Command true -NoStart

        Connect-Container $stopped.Name -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotRunning,PSDocker.Commands.ConnectContainerCommand'
        $errors[0].TargetObject | Should -Be $stopped.Name
        "$($errors[0])" | Should -Match 'Start-Container'
    }
}
