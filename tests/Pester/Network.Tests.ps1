# The network cmdlets as a pwsh user types them, against the real engine: docker network ls, create,
# rm, prune, connect and disconnect, -Network/-NetworkAlias on Invoke-Container, the view and the
# completion. Everything carries this run's label and is removed at the end (through the docker CLI,
# never through the module under test). Exhaustive cases live in the C# suite.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    function Remove-TestNetworks {
        $ids = @(& docker network ls -q --filter "label=psdocker.pester=$TestRunId")
        if ($ids.Count -gt 0) { & docker network rm @ids > $null }
    }

    function Test-Network([string] $Name) {
        & docker network inspect $Name *> $null
        $LASTEXITCODE -eq 0
    }

    function New-TestNetwork {
        $name = New-TestName
        & docker network create --label "psdocker.pester=$TestRunId" $name > $null
        if ($LASTEXITCODE -ne 0) { throw "docker network create failed for $name" }
        $name
    }
}

AfterAll {
    Remove-TestContainers
    Remove-TestNetworks
}

Describe 'New-ContainerNetwork' {
    It 'creates a bridge network with the given subnet and labels, as docker network create -d bridge' {
        $name = New-TestName

        $network = New-ContainerNetwork $name -Subnet 10.232.5.0/24 -Gateway 10.232.5.1 -Label $TestLabel

        $network | Should -BeOfType PSDocker.ContainerNetwork
        $network.Driver | Should -Be 'bridge'
        $network.Subnets | Should -Be '10.232.5.0/24'
        $network.Created | Should -BeOfType datetime
        (& docker network inspect $name --format '{{.Driver}} {{(index .IPAM.Config 0).Gateway}} {{index .Labels "psdocker.pester"}}') | Should -Be "bridge 10.232.5.1 $TestRunId"
    }

    It 'refuses a name that is taken with NetworkNameInUse' {
        $name = New-TestNetwork

        New-ContainerNetwork $name -Label $TestLabel -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'NetworkNameInUse,PSDocker.Commands.NewContainerNetworkCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        @(& docker network ls -q --filter "name=^$name$").Count | Should -Be 1
    }
}

Describe 'Get-ContainerNetwork' {
    BeforeAll {
        $script:listed = New-TestNetwork
    }

    It 'lists networks like docker network ls, NETWORK ID NAME DRIVER SCOPE' {
        $lines = (Get-ContainerNetwork $listed | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^NETWORK ID\s+NAME\s+DRIVER\s+SCOPE\s*$'
        $lines[2] | Should -Match "^[0-9a-f]{12}\s+$listed\s+bridge\s+local\s*$"
    }

    It 'finds the labelled networks with wildcards and label filters' {
        @(Get-ContainerNetwork "psd-pester-$TestRunId-*" -Label $TestLabel).Name | Should -Contain $listed
    }

    It 'writes NetworkNotFound for an unknown name' {
        Get-ContainerNetwork "nosuch-$TestRunId" -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'NetworkNotFound,PSDocker.Commands.GetContainerNetworkCommand'
        $errors[0].TargetObject | Should -Be "nosuch-$TestRunId"
    }
}

Describe 'Containers on a user-defined network' {
    BeforeAll {
        $script:net = New-ContainerNetwork (New-TestName) -Label $TestLabel
        $script:serverName = New-TestName
        $script:server = Invoke-Container $TestImage -Name $serverName -Network $net.Name -NetworkAlias web -Label $TestLabel -Detach -Command sh, -c,
            'trap "exit 0" TERM; mkdir -p /tmp/www; echo hello-by-name > /tmp/www/index.html; httpd -f -p 8080 -h /tmp/www & wait'
        $script:fetch = 'for i in $(seq 50); do timeout 3 wget -qO- http://$0:8080/index.html && exit 0; sleep 0.2; done; exit 1'
    }

    It 'reach each other by container name' {
        Invoke-Container $TestImage -Network $net.Name -Remove -Label $TestLabel -Command sh, -c, $fetch, $serverName | Should -Be 'hello-by-name'
    }

    It 'reach each other by -NetworkAlias' {
        Invoke-Container $TestImage -Network $net.Name -Remove -Label $TestLabel -Command sh, -c, $fetch, web | Should -Be 'hello-by-name'
    }

    It 'shows the attached container in Containers' {
        (Get-ContainerNetwork $net.Name).Containers.ContainerName | Should -Be $serverName
    }

    It 'refuses to remove the network in use with NetworkInUse' {
        $net | Remove-ContainerNetwork -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'NetworkInUse,PSDocker.Commands.RemoveContainerNetworkCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        Test-Network $net.Name | Should -BeTrue
    }
}

Describe 'Connect-ContainerNetwork and Disconnect-ContainerNetwork' {
    It 'connects a piped container with an alias and disconnects it again' {
        $network = New-TestNetwork
        $container = New-TestContainer

        $connected = Get-Container $container.Name | Connect-ContainerNetwork $network -Alias db -PassThru

        $connected.Networks | Should -Contain $network
        (& docker inspect $container.Name --format "{{json (index .NetworkSettings.Networks `"$network`").Aliases}}") | Should -Match '"db"'

        Disconnect-ContainerNetwork $network $container.Name

        (& docker inspect $container.Name --format '{{json .NetworkSettings.Networks}}') | Should -Not -Match ([regex]::Escape($network))
    }

    It 'writes ContainerNotConnected for a container that is not on the network' {
        $network = New-TestNetwork
        $container = New-TestContainer

        Disconnect-ContainerNetwork $network $container.Name -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'ContainerNotConnected,PSDocker.Commands.DisconnectContainerNetworkCommand'
        $errors[0].TargetObject | Should -Be $container.Name
    }
}

Describe 'Remove-ContainerNetwork' {
    It 'removes piped networks' {
        $name = New-TestNetwork

        Get-ContainerNetwork $name | Remove-ContainerNetwork

        Test-Network $name | Should -BeFalse
    }

    It 'prunes only unused networks with the label, and reports them' {
        $case = @{ 'psdocker.case' = [guid]::NewGuid().ToString('N').Substring(0, 8) }
        $unused = New-ContainerNetwork (New-TestName) -Label ($TestLabel + $case)

        $result = Remove-ContainerNetwork -Prune -Label $case -Force

        $result | Should -BeOfType PSDocker.PruneResult
        $result.Deleted | Should -Be $unused.Name
        Test-Network $unused.Name | Should -BeFalse
    }
}

Describe 'Network completion' {
    BeforeAll {
        $script:completed = New-TestNetwork
        $script:member = New-TestContainer
    }

    It 'completes network names for -Name of the network cmdlets and -Network of the container cmdlets' {
        $prefix = $completed.Substring(0, $completed.Length - 3)
        foreach ($line in "Remove-ContainerNetwork $prefix", "Get-ContainerNetwork $prefix", "Connect-ContainerNetwork $prefix", "Invoke-Container -Network $prefix") {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $completed -Because $line
        }
    }

    It 'completes container names for -Container' {
        $line = "Connect-ContainerNetwork $completed -Container $($member.Name.Substring(0, $member.Name.Length - 2))"

        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $member.Name
    }
}
