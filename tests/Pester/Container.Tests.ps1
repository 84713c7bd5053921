# The container cmdlets as a pwsh user types them, against the real engine: the docker workflows of
# the command table, scoped to this run's label. Exhaustive cases (every parameter, every error
# path) live in the C# suite (tests/PSDocker.Tests); these check what a user sees.
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

    It 'lists only running containers with -Status Running (docker ps)' {
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

    It 'matches names with wildcards' {
        @(Get-Container "psd-pester-$TestRunId-*").Name | Sort-Object | Should -Be (@($running.Name, $created.Name) | Sort-Object)
    }
}

Describe 'Invoke-Container in the foreground' {
    It 'writes the output to the pipeline and leaves nothing behind with -Remove' {
        $name = New-TestName
        $global:LASTEXITCODE = -1

        $output = Invoke-Container -Image $TestImage -Command '/bin/echo', 'hello world' -Remove -Name $name -Label $TestLabel

        $output | Should -Be 'hello world'
        $LASTEXITCODE | Should -Be 0
        Get-TestContainerState $name | Should -Be 'missing'
    }

    It 'sets $LASTEXITCODE and writes stderr and ContainerExitCode errors for a non-zero exit' {
        $name = New-TestName

        $output = Invoke-Container $TestImage sh, -c, 'echo out; echo err >&2; exit 3' -Name $name -Remove -Label $TestLabel -ErrorVariable errors -ErrorAction SilentlyContinue

        $output | Should -Be 'out'
        $LASTEXITCODE | Should -Be 3
        $errors.FullyQualifiedErrorId | Should -Be @(
            'ContainerStandardError,PSDocker.Commands.InvokeContainerCommand'
            'ContainerExitCode,PSDocker.Commands.InvokeContainerCommand')
        "$($errors[0])" | Should -Be 'err'
        $exit = $errors[1]
        $exit.TargetObject | Should -BeOfType PSDocker.ExecResult
        $exit.TargetObject.ExitCode | Should -Be 3
        $exit.TargetObject.ContainerName | Should -Be $name
        $exit.Exception.ExitCode | Should -Be 3
        "$exit" | Should -Be "'sh -c echo out; echo err >&2; exit 3' in container '$name' exited with code 3."
        Get-TestContainerState $name | Should -Be 'missing'
    }

    It 'stops a script at a failing command with -ErrorAction Stop' {
        $caught = try { Invoke-Container $TestImage sh, -c, 'exit 2' -Remove -Label $TestLabel -ErrorAction Stop; 'not stopped' } catch { $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'ContainerExitCode,PSDocker.Commands.InvokeContainerCommand'
        $LASTEXITCODE | Should -Be 2
    }

    It 'sets $LASTEXITCODE to 127 (as docker run does) when the command is not in the image, and -Remove still removes the container' {
        $name = New-TestName

        Invoke-Container $TestImage -Command "no-such-program-$TestRunId" -Name $name -Remove -Label $TestLabel -ErrorVariable errors -ErrorAction SilentlyContinue

        $LASTEXITCODE | Should -Be 127
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be $name
        Get-TestContainerState $name | Should -Be 'missing'
    }

    It 'stops before creating anything when -Port cannot be parsed' {
        $name = New-TestName

        $caught = try { Invoke-Container $TestImage -Name $name -Port '127.0.0.1:http:80' -Label $TestLabel } catch { $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'InvalidPort,PSDocker.Commands.InvokeContainerCommand'
        $caught.TargetObject | Should -Be '127.0.0.1:http:80'
        Get-TestContainerState $name | Should -Be 'missing'
    }
}

Describe 'A detached web server' {
    BeforeAll {
        $script:port = Get-FreeTcpPort
        $script:webName = New-TestName
        $script:web = Invoke-Container -Image $TestImage -Name $webName -Detach -Port "127.0.0.1:${port}:80" -Label $TestLabel -Command '/bin/sh', '-c',
            'trap "exit 0" TERM; echo "web starting"; httpd -f -v -p 80 -h /etc & wait'
    }

    It 'is emitted as a running Container whose port prints like docker ps' {
        $web | Should -BeOfType PSDocker.Container
        $web.Name | Should -Be $webName
        $web.State | Should -Be ([PSDocker.ContainerState]::Running)
        $LASTEXITCODE | Should -Be 0
        "$($web.Ports)" | Should -Be "127.0.0.1:$port->80/tcp"
        $web.Ports[0].HostPort | Should -Be $port
        $web.Ports[0].ContainerPort | Should -Be 80
    }

    It 'answers HTTP on the published loopback port' {
        (Get-WebContent "http://127.0.0.1:$port/hostname").Trim() | Should -Be $web.ShortId
    }

    It 'is listed by Get-Container -Status Running' {
        @(Get-Container -Status Running -Label $TestLabelFilter).Name | Should -Contain $webName
    }

    It 'gives its process id with Get-ContainerDetail web | ForEach-Object { $_.State.Pid }' {
        $containerPid = Get-ContainerDetail $webName | ForEach-Object { $_.State.Pid }

        $containerPid | Should -BeGreaterThan 0
        $containerPid | Should -Be ([long](docker inspect --format '{{.State.Pid}}' $webName))
    }

    It 'shows its log with Get-ContainerLog web -Tail 10' {
        $null = Get-WebContent "http://127.0.0.1:$port/hostname"

        $log = @(Get-ContainerLog $webName -Tail 10)

        $log | ForEach-Object { $_ | Should -BeOfType PSDocker.ContainerLogEntry }
        $log.Count | Should -BeLessOrEqual 10
        ($log | Where-Object Stream -EQ StdOut).Message | Should -Contain 'web starting'
        ($log | Where-Object Stream -EQ StdErr).Message -match 'response:200' | Should -Not -BeNullOrEmpty
        $log | ForEach-Object { $_.ContainerName | Should -Be $webName }
    }

    It 'runs a command in it with Invoke-ContainerExec web -Command cat,/etc/hostname' {
        $global:LASTEXITCODE = -1

        Invoke-ContainerExec $webName -Command cat, /etc/hostname | Should -Be $web.ShortId
        $LASTEXITCODE | Should -Be 0
    }

    It 'sets $LASTEXITCODE and writes ContainerExitCode when the exec fails' {
        Invoke-ContainerExec $webName -Command sh, -c, 'exit 4' -ErrorVariable errors -ErrorAction SilentlyContinue

        $LASTEXITCODE | Should -Be 4
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerExitCode,PSDocker.Commands.InvokeContainerExecCommand'
        $errors[0].TargetObject.ExitCode | Should -Be 4
        $errors[0].TargetObject.ContainerName | Should -Be $webName
    }

    It 'emits an ExecResult after the output with -PassThru' {
        $output = Invoke-ContainerExec $webName -Command sh, -c, 'echo hi' -PassThru

        $output[0] | Should -Be 'hi'
        $output[1] | Should -BeOfType PSDocker.ExecResult
        $output[1].ExitCode | Should -Be 0
        $output[1].Command | Should -Be @('sh', '-c', 'echo hi')
    }
}

Describe 'Invoke-ContainerExec on a stopped container' {
    It 'writes ContainerNotRunning and sets $LASTEXITCODE to 125' {
        $stopped = New-TestContainer -Command true -NoStart

        Invoke-ContainerExec $stopped.Name -Command true -ErrorVariable errors -ErrorAction SilentlyContinue

        $LASTEXITCODE | Should -Be 125
        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotRunning,PSDocker.Commands.InvokeContainerExecCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $errors[0].TargetObject | Should -Be $stopped.Name
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

        Stop-Container -Name $c.Name -WhatIf -ErrorAction Stop

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

Describe 'The container lifecycle' {
    It 'creates with New-Container and starts with Start-Container -PassThru (docker create, docker start)' {
        $name = New-TestName

        $started = New-Container -Image $TestImage -Name $name -Command $StoppableCommand -Label $TestLabel | Start-Container -PassThru

        $started | Should -BeOfType PSDocker.Container
        $started.State | Should -Be ([PSDocker.ContainerState]::Running)
        Get-TestContainerState $name | Should -Be 'running'
    }

    It 'pauses with Suspend-Container and resumes with Resume-Container (docker pause, docker unpause)' {
        $c = New-TestContainer -Command $StoppableCommand

        Suspend-Container $c.Name

        Get-TestContainerState $c.Name | Should -Be 'paused'
        @(Get-Container -Status Paused -Label $TestLabelFilter).Name | Should -Be $c.Name

        Get-Container -Status Paused -Label $TestLabelFilter | Resume-Container

        Get-TestContainerState $c.Name | Should -Be 'running'
    }

    It 'restarts with Restart-Container (docker restart)' {
        $c = New-TestContainer -Command $StoppableCommand
        $before = docker inspect --format '{{.State.StartedAt}}' $c.Name

        $restarted = Restart-Container $c.Name -Timeout 5 -PassThru

        $restarted.State | Should -Be ([PSDocker.ContainerState]::Running)
        docker inspect --format '{{.State.StartedAt}}' $c.Name | Should -Not -Be $before
    }

    It 'returns exit codes as data with Wait-Container, a non-zero one without an error (docker wait)' {
        $job = Invoke-Container -Image $TestImage -Command sh, -c, 'sleep 1; exit 3' -Detach -Label $TestLabel

        $result = $job | Wait-Container -ErrorVariable errors

        $result | Should -BeOfType PSDocker.ExecResult
        $result.ExitCode | Should -Be 3
        $result.ContainerName | Should -Be $job.Name
        $errors | Should -HaveCount 0
    }

    It 'renames with Rename-Container (docker rename)' {
        $c = New-TestContainer -Command true -NoStart
        $newName = New-TestName

        $renamed = Rename-Container $c.Name -NewName $newName -PassThru

        $renamed.Name | Should -Be $newName
        $renamed.Id | Should -Be $c.Id
        Get-TestContainerState $c.Name | Should -Be 'missing'
    }

    It 'keeps a running container and writes ContainerRunning when Remove-Container has no -Force' {
        $c = New-TestContainer -Command sleep, 300

        Remove-Container $c.Name -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerRunning,PSDocker.Commands.RemoveContainerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $errors[0].TargetObject | Should -Be $c.Name
        Get-TestContainerState $c.Name | Should -Be 'running'
    }
}

Describe 'Stopping and removing in pipelines' {
    BeforeEach {
        Remove-TestContainers
    }

    It 'stops every running container with Get-Container -Status Running | Stop-Container' {
        $a = New-TestContainer -Command $StoppableCommand
        $b = New-TestContainer -Command $StoppableCommand
        $created = New-TestContainer -Command true -NoStart

        Get-Container -Status Running -Label $TestLabelFilter | Stop-Container

        Get-TestContainerState $a.Name | Should -Be 'exited'
        Get-TestContainerState $b.Name | Should -Be 'exited'
        Get-TestContainerState $created.Name | Should -Be 'created'
        docker inspect --format '{{.State.ExitCode}}' $a.Name | Should -Be '0'
    }

    It 'kills every container, running or not, with Get-Container | Stop-Container -Force' {
        $running = New-TestContainer -Command sleep, 300
        $exited = New-TestContainer -Command true
        $null = docker wait $exited.Name

        Get-Container -Label $TestLabelFilter | Stop-Container -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 0
        Get-TestContainerState $running.Name | Should -Be 'exited'
        docker inspect --format '{{.State.ExitCode}}' $running.Name | Should -Be '137'
    }

    It 'removes the exited containers and their anonymous volumes with Get-Container -Status Exited | Remove-Container -Force -Volume' {
        # -Confirm:$false as in a script: removal asks first (ConfirmImpact High), and the asking is tested below.
        $running = New-TestContainer -Command sleep, 300
        $exitedName = New-TestName
        $null = docker run --name $exitedName --label "psdocker.pester=$TestRunId" -v /data $TestImage true
        $volume = docker inspect --format '{{range .Mounts}}{{.Name}}{{end}}' $exitedName

        Get-Container -Status Exited -Label $TestLabelFilter | Remove-Container -Force -Volume -Confirm:$false

        Get-TestContainerState $exitedName | Should -Be 'missing'
        Get-TestContainerState $running.Name | Should -Be 'running'
        docker volume inspect $volume 2>&1 | Out-Null
        $LASTEXITCODE | Should -Not -Be 0 -Because "the anonymous volume $volume goes with its container"
    }

    It 'prunes only the stopped containers the label filter names with Remove-Container -Prune' {
        $running = New-TestContainer -Command sleep, 300
        $exited = New-TestContainer -Command true
        $created = New-TestContainer -Command true -NoStart
        $null = docker wait $exited.Name

        $result = Remove-Container -Prune -Label $TestLabelFilter -Confirm:$false

        $result | Should -BeOfType PSDocker.PruneResult
        $result.ResourceType | Should -Be 'Container'
        $result.Deleted | Sort-Object | Should -Be (@($exited.Id, $created.Id) | Sort-Object)
        Get-TestContainerState $running.Name | Should -Be 'running'
        Get-TestContainerState $exited.Name | Should -Be 'missing'
    }
}

Describe '-WhatIf and -Confirm as the console shows them' {
    It 'prints what Stop-Container, Remove-Container and Invoke-Container would do, and does nothing' {
        $c = New-TestContainer -Command sleep, 300

        $text = Invoke-UserScript @"
Stop-Container '$($c.Name)' -WhatIf
Stop-Container '$($c.Name)' -Force -WhatIf
Remove-Container '$($c.Name)' -Force -WhatIf
Invoke-Container '$TestImage' -Name 'psd-pester-$TestRunId-whatif' -WhatIf
Invoke-Container '$TestImage' -Name 'psd-pester-$TestRunId-whatif' -Detach -WhatIf
Invoke-ContainerExec '$($c.Name)' -Command cat, /etc/hostname -WhatIf
"@

        # Nothing but the What if: lines: an error in any of them fails the test.
        ($text -split "`r?`n" | Where-Object { $_.Trim() -and $_ -notmatch '^What if: ' }) | Should -BeNullOrEmpty
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Stop`" on target `"$($c.Name)`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Kill`" on target `"$($c.Name)`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove (force)`" on target `"$($c.Name)`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Run`" on target `"container 'psd-pester-$TestRunId-whatif' from image '$TestImage'`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Create and start`" on target `"container 'psd-pester-$TestRunId-whatif' from image '$TestImage'`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Run 'cat /etc/hostname'`" on target `"$($c.Name)`"."))
        Get-TestContainerState $c.Name | Should -Be 'running'
        Get-TestContainerState "psd-pester-$TestRunId-whatif" | Should -Be 'missing'
    }

    It 'removes without asking when -Confirm is not given, as docker rm does, also under -NonInteractive' {
        $c = New-TestContainer -Command true -NoStart

        $text = Invoke-UserScript "Remove-Container '$($c.Name)'"
        $text | Should -Not -Match 'Are you sure'
        Get-TestContainerState $c.Name | Should -Be 'missing'

        $d = New-TestContainer -Command true
        $null = docker wait $d.Name
        $pwsh = [System.Environment]::ProcessPath
        $pwshArguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $out = & $pwsh @pwshArguments -NoProfile -NonInteractive -Command "Import-Module '$(Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1')'; Get-Container '$($d.Name)' -Status Exited | Remove-Container -Force -Volume" 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $out
        Get-TestContainerState $d.Name | Should -Be 'missing'
    }

    It 'names the engine without the password of a DOCKER_HOST address in -WhatIf text' {
        $text = Invoke-UserScript "New-Container -Image '$TestImage' -DockerHost 'tcp://admin:S3cret@127.0.0.1:1' -WhatIf"

        $text | Should -Match ([regex]::Escape('What if:'))
        $text | Should -Match ([regex]::Escape('tcp://127.0.0.1:1/'))
        $text | Should -Not -Match 'S3cret'
    }

    It 'asks before Remove-Container -Confirm, and keeps the container when the answer is No' {
        $c = New-TestContainer -Command true -NoStart

        $text = Invoke-UserScript "Remove-Container '$($c.Name)' -Confirm" -InputLine 'N'

        $text | Should -Match 'Are you sure you want to perform this action\?'
        $text | Should -Match ([regex]::Escape("Performing the operation `"Remove`" on target `"$($c.Name)`"."))
        Get-TestContainerState $c.Name | Should -Be 'created'
    }

    It 'removes the container when the answer to -Confirm is Yes' {
        $c = New-TestContainer -Command true -NoStart

        $null = Invoke-UserScript "Remove-Container '$($c.Name)' -Confirm" -InputLine 'Y'

        Get-TestContainerState $c.Name | Should -Be 'missing'
    }

    It 'asks before Stop-Container -Confirm and stops only the containers answered Yes' {
        $a = New-TestContainer -Command $StoppableCommand
        $b = New-TestContainer -Command $StoppableCommand

        $text = Invoke-UserScript "'$($a.Name)', '$($b.Name)' | Stop-Container -Confirm" -InputLine 'N', 'Y'

        $text | Should -Match ([regex]::Escape("Performing the operation `"Stop`" on target `"$($a.Name)`"."))
        Get-TestContainerState $a.Name | Should -Be 'running'
        Get-TestContainerState $b.Name | Should -Be 'exited'
    }
}
