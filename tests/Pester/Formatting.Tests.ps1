# What the module's views print (Formatting/*.format.ps1xml): the docker CLI's listings for people, the
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

    # The row of one container (a narrow last column may wrap its header over several lines).
    function Get-Row([object] $Container, [int] $Width) {
        Get-Lines $Container -Width $Width | Where-Object { $_.StartsWith($Container.ShortId + ' ') }
    }
}

AfterAll {
    Remove-TestContainers
}

Describe 'Container view' {
    BeforeAll {
        # A created, an exited and a running container with a name longer than any column share.
        $script:createdName = New-TestName
        $script:created = New-Container -Image $TestImage -Name $createdName -Label $TestLabel -Command true
        $script:exitedName = (New-TestName) + '-exited-with-a-long-name'
        $null = Invoke-Container -Image $TestImage -Name $exitedName -Label $TestLabel -Command sh, '-c', 'exit 3' -ErrorAction SilentlyContinue
        $script:all = Get-Container -Label $TestLabelFilter
        $script:port2 = Get-FreeTcpPort
        $script:multiName = (New-TestName) + '-two-published-ports'
        $script:multi = Invoke-Container -Image $TestImage -Name $multiName -Detach -Label $TestLabel -Command sleep, 300 `
            -Port "127.0.0.1:${port2}:80", "127.0.0.1:${port2}:81/udp"
    }

    AfterAll {
        # Only the web container stays: the PruneResult view counts what a prune removes.
        Get-Container -Label $TestLabelFilter | Where-Object Name -In $createdName, $exitedName, $multiName | Remove-Container -Force -Confirm:$false
    }

    It 'prints docker ps''s headers, NAMES right after the id, and one row per container' {
        $lines = Get-Lines $all -Width 200

        $lines[0] | Should -Match '^CONTAINER ID\s+NAMES\s+IMAGE\s+STATUS\s+PORTS\s+CREATED\s+COMMAND\s*$'
        $lines | Should -HaveCount ($all.Count + 2)
        $lines[1] | Should -Match '^-{12} -{5} +-{5} +-{6} +-{5} +-{7} +-{7}\s*$'
        $lines -match "^$($web.ShortId) " | Should -HaveCount 1
    }

    It 'shows every name whole at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }, @{ Width = 200 }) {
        $lines = Get-Lines $all -Width $Width

        foreach ($c in $all) {
            $lines -match "^$($c.ShortId) +$([regex]::Escape($c.Name))( |$)" | Should -HaveCount 1 -Because "$($c.Name) is whole at $Width columns"
        }
    }

    It 'shows every name whole with Format-Table -AutoSize at 120 columns' {
        $lines = ($all | Format-Table -AutoSize | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^CONTAINER ID\s+NAMES\s'
        foreach ($c in $all) {
            $lines -match "^$($c.ShortId) +$([regex]::Escape($c.Name))( |$)" | Should -HaveCount 1
        }
    }

    It 'shows the container as docker ps does when the console is wide enough' {
        $row = Get-Row (Get-Container $webName) -Width 200

        $row | Should -Match ([regex]::Escape("127.0.0.1:$port->80/tcp"))
        $row | Should -Match ([regex]::Escape('"/bin/sh -c ''trap "e…"'))
        $row | Should -Match 'Up (Less than a second|\d+ seconds?|About a minute)'
        $row | Should -Match "^$($web.ShortId) +$webName "
    }

    It 'shows every published port whole at 200 columns' {
        $row = Get-Row (Get-Container $multiName) -Width 200

        $row | Should -Match ([regex]::Escape("127.0.0.1:$port2->80/tcp, 127.0.0.1:$port2->81/udp"))
    }

    It 'shows a published port in full at a 120-column console' {
        $row = Get-Row (Get-Container $webName) -Width 120

        $row | Should -Match ([regex]::Escape("127.0.0.1:$port->80/tcp"))
    }

    It 'shows the status as the docker CLI does: Up …, Exited (code) … ago, Created' {
        $text = Get-Lines $all -Width 200

        $text -match "^$($created.ShortId) +$createdName +\S+ +Created " | Should -HaveCount 1
        $exited = $all | Where-Object Name -EQ $exitedName
        $text -match "^$($exited.ShortId) +$exitedName +\S+ +Exited \(3\) (Less than a second|\d+ seconds?|About a minute) ago " | Should -HaveCount 1
        $text -match "^$($web.ShortId) +$webName +\S+ +Up " | Should -HaveCount 1
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
}

Describe 'PortMapping view' {
    It 'prints a container''s ports one mapping a line, as docker port does' {
        $lines = Get-Lines $multi.Ports -Width 120

        $lines | Should -Be @("127.0.0.1:$port2->80/tcp", "127.0.0.1:$port2->81/udp")
    }

    It 'prints the parts as a table with Format-Table' {
        $lines = $multi.Ports | Format-Table | Out-String -Width 120
        $lines = $lines -split '\r?\n' | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^HostIp\s+HostPort\s+ContainerPort\s+Protocol\s+Mapping\s*$'
        $lines[2] | Should -Match "^127\.0\.0\.1\s+$port2\s+80\s+tcp\s+127\.0\.0\.1:$port2->80/tcp\s*$"
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
        $text | Should -Match '(?m)^Networks\s+: bridge( \d+\.\d+\.\d+\.\d+/\d+)?\s*$'
        $text | Should -Match '(?m)^RestartPolicy\s+: no\s*$'
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
