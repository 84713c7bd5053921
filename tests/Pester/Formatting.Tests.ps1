# What the module's views print (PSDocker.format.ps1xml): the docker CLI's listings for people, the
# typed objects underneath, and no raw engine records in a Format-List *.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    $script:port = Get-FreeTcpPort
    $script:webName = New-TestName
    $script:web = Invoke-Container -Image $TestImage -Name $webName -Detach -Port "127.0.0.1:${port}:80" -Label $TestLabel -Command '/bin/sh', '-c',
        'trap "exit 0" TERM; echo "web starting"; httpd -f -v -p 80 -h /etc & wait'

    # The lines of a table as Out-String renders it at a console of that width.
    function Get-Lines([object[]] $InputObject, [int] $Width) {
        ($InputObject | Out-String -Width $Width) -split '\r?\n' | Where-Object { $_.Trim() }
    }
}

AfterAll {
    Remove-TestContainers
}

Describe 'Container view' {
    It 'prints the docker ps headers and one row per container' {
        $lines = Get-Lines (Get-Container -Label $TestLabelFilter) -Width 120

        $lines[0] | Should -Match '^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES\s*$'
        $lines | Should -HaveCount 3
        $lines[2] | Should -Match "^$($web.ShortId) "
    }

    It 'prints the container as docker ps does when the console is wide enough' {
        $row = (Get-Lines (Get-Container $webName) -Width 200)[2]

        $row | Should -Match ([regex]::Escape("127.0.0.1:$port->80/tcp"))
        $row | Should -Match ([regex]::Escape('"/bin/sh -c ''trap "e…"'))
        $row | Should -Match 'Up (Less than a second|\d+ seconds?|About a minute)'
        $row | Should -Match "$webName\s*$"
    }

    It 'shows a published port in full at a 120-column console, as docker ps does' {
        # The id and port columns have fixed widths; the others share what is left, so a long
        # name may be cut at 120 columns but starts the last column.
        $row = (Get-Lines (Get-Container $webName) -Width 120)[2]

        $row | Should -Match ([regex]::Escape("127.0.0.1:$port->80/tcp"))
        $row | Should -Match "$([regex]::Escape($webName.Substring(0, 10)))\S*\s*$"
    }

    It 'keeps the values typed underneath the text' {
        $c = Get-Container $webName

        $c.Created | Should -BeOfType datetime
        $c.State | Should -BeOfType PSDocker.ContainerState
        $c.Ports[0] | Should -BeOfType PSDocker.PortMapping
        $c.Labels['psdocker.pester'] | Should -Be $TestRunId
    }

    It 'shows no raw engine record with Format-List *' {
        $text = Get-Container $webName | Format-List * | Out-String -Width 200

        $text | Should -Not -Match '(?m)^Raw\s*:'
        $text | Should -Not -Match 'Docker\.DotNet'
        $text | Should -Match "(?m)^Ports\s+: \{127\.0\.0\.1:$port->80/tcp\}"
        $text | Should -Match '(?m)^Engine\s+: unix://'
    }

    It 'prints a port mapping as a table of its parts' {
        $lines = Get-Lines $web.Ports -Width 120

        $lines[0] | Should -Match '^HostIp\s+HostPort\s+ContainerPort\s+Protocol'
        $lines[2] | Should -Match "^127\.0\.0\.1\s+$port\s+80\s+tcp"
    }
}

Describe 'ContainerDetail view' {
    It 'prints the container''s state, process, command and port as a list' {
        $text = Get-ContainerDetail $webName | Out-String -Width 120

        $text | Should -Match "(?m)^Name\s+: $webName\s*$"
        $text | Should -Match '(?m)^State\s+: Running\s*$'
        $text | Should -Match '(?m)^Pid\s+: [1-9]\d*\s*$'
        $text | Should -Match '(?m)^Command\s+: /bin/sh -c trap'
        $text | Should -Match "(?m)^Ports\s+: 127\.0\.0\.1:$port->80/tcp\s*$"
        $text | Should -Match '(?m)^Networks\s+: bridge\s*$'
    }

    It 'shows no raw engine record with Format-List *' {
        $text = Get-ContainerDetail $webName | Format-List * | Out-String -Width 200

        $text | Should -Not -Match '(?m)^Raw\s*:'
        $text | Should -Not -Match 'Docker\.DotNet'
    }
}

Describe 'ContainerLogEntry view' {
    It 'prints each entry as its message, like docker logs' {
        $null = Get-WebContent "http://127.0.0.1:$port/hostname"

        $lines = Get-Lines (Get-ContainerLog $webName) -Width 120

        $lines | Should -Contain 'web starting'
        $lines -match '^\[::ffff:[\d.]+\]:\d+: response:200$' | Should -Not -BeNullOrEmpty
    }

    It 'prints the time first with -Timestamps, like docker logs --timestamps' {
        $line = Get-Lines (Get-ContainerLog $webName -Timestamps -Tail 100 -StdOut) -Width 120 | Select-Object -First 1

        $line | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}(Z|[+-]\d\d:\d\d) web starting$'
    }

    It 'reads like text to Select-String' {
        (Get-ContainerLog $webName | Select-String 'web starting').Line | Should -Be 'web starting'
    }
}

Describe 'ExecResult view' {
    It 'prints the container, the exit code and the command as a table' {
        $result = Invoke-ContainerExec $webName -Command sh, -c, 'exit 0' -PassThru

        $lines = Get-Lines $result -Width 120

        $lines[0] | Should -Match '^CONTAINER\s+EXIT CODE\s+COMMAND\s*$'
        $lines[2] | Should -Match "^$webName\s+0\s+sh -c exit 0\s*$"
    }
}

Describe 'PruneResult view' {
    It 'prints the type, how many were deleted and the space reclaimed' {
        $exited = New-TestContainer -Command true
        $null = docker wait $exited.Name

        $result = Remove-Container -Prune -Label $TestLabelFilter -Confirm:$false
        $lines = Get-Lines $result -Width 120

        $lines[0] | Should -Match '^TYPE\s+DELETED\s+RECLAIMED\s*$'
        $lines[2] | Should -Match '^Container\s+1\s+\d+(\.\d+)?[kMGTP]?B\s*$'
    }
}
