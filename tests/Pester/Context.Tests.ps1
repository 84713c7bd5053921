# The context cmdlets as a pwsh user types them, over a temporary docker configuration folder (the
# user's ~/.docker is never touched), checked with the docker CLI reading the same folder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
    $script:saved = @{ DOCKER_CONFIG = $env:DOCKER_CONFIG; DOCKER_CONTEXT = $env:DOCKER_CONTEXT; DOCKER_HOST = $env:DOCKER_HOST }
    $script:engineHost = if ($env:DOCKER_HOST) { $env:DOCKER_HOST } else { 'unix:///var/run/docker.sock' }
}

AfterAll {
    foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
}

Describe 'Docker contexts' {
    BeforeEach {
        $script:config = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-ctx-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory $config | Out-Null
        $env:DOCKER_CONFIG = $config
        $env:DOCKER_CONTEXT = $null
        $env:DOCKER_HOST = $null
    }

    AfterEach {
        $env:DOCKER_HOST = $saved.DOCKER_HOST
        Remove-Item $config -Recurse -Force
    }

    Describe 'New-ContainerContext' {
        It 'makes a context the docker CLI lists' {
            $context = New-ContainerContext pester-new -DockerHost tcp://127.0.0.1:2375 -Description 'from Pester'

            $context | Should -BeOfType PSDocker.ContainerContext
            $listed = & docker context ls --format '{{json .}}' | ConvertFrom-Json | Where-Object Name -EQ pester-new
            $listed.Description | Should -Be 'from Pester'
            $listed.DockerEndpoint | Should -Be 'tcp://127.0.0.1:2375'
        }

        It 'refuses an address an engine cannot have, and writes nothing' {
            New-ContainerContext pester-bad -DockerHost 'ftp://host' -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidDockerHost,PSDocker.Commands.NewContainerContextCommand'
            Join-Path $config contexts | Should -Not -Exist
        }
    }

    Describe 'Get-ContainerContext' {
        It 'lists a context made by docker context create, and the default' {
            & docker context create pester-cli --docker "host=$engineHost" *> $null

            $contexts = @(Get-ContainerContext)

            $contexts.Name | Should -Be 'default', 'pester-cli'
            ($contexts | Where-Object Current).Name | Should -Be 'default'
            @(Get-Container -Context pester-cli -Label $TestLabelFilter) | ForEach-Object { $_.Engine.Context | Should -Be 'pester-cli' }
        }

        It 'shows NAME DESCRIPTION DOCKER ENDPOINT with * on the current one' {
            New-ContainerContext pester-view -DockerHost unix:///var/run/docker.sock | Out-Null
            Use-ContainerContext pester-view

            $text = Get-ContainerContext | Out-String

            $text | Should -Match 'NAME\s+DESCRIPTION\s+DOCKER ENDPOINT'
            $text | Should -Match 'pester-view \*'
        }
    }

    Describe 'Use-ContainerContext' {
        It 'switches the docker CLI too, and keeps the other keys of config.json' {
            Set-Content (Join-Path $config config.json) '{"auths":{"registry.example":{"auth":"dTpw"}},"credsStore":"pass"}'
            New-ContainerContext pester-use -DockerHost unix:///var/run/docker.sock | Out-Null

            Use-ContainerContext pester-use

            & docker context show | Should -Be 'pester-use'
            $json = Get-Content (Join-Path $config config.json) -Raw | ConvertFrom-Json
            $json.credsStore | Should -Be 'pass'
            $json.auths.'registry.example'.auth | Should -Be 'dTpw'
        }

        It 'writes ContextNotFound for an unknown context' {
            Use-ContainerContext nosuch-ctx -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -Be 'ContextNotFound,PSDocker.Commands.UseContainerContextCommand'
            $errors[0].TargetObject | Should -Be 'nosuch-ctx'
        }
    }

    Describe 'Remove-ContainerContext' {
        It 'refuses the current context without -Force, and removes it with -Force' {
            New-ContainerContext pester-rm -DockerHost unix:///var/run/docker.sock | Out-Null
            Use-ContainerContext pester-rm

            Remove-ContainerContext pester-rm -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'ContextInUse,PSDocker.Commands.RemoveContainerContextCommand'
            (Get-ContainerContext pester-rm).Name | Should -Be 'pester-rm'

            Remove-ContainerContext pester-rm -Force
            Get-ContainerContext pester-rm -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            & docker context show | Should -Be 'default'
        }

        It 'completes context names for -Name' {
            New-ContainerContext pester-comp1 -DockerHost unix:///var/run/docker.sock | Out-Null
            New-ContainerContext pester-comp2 -DockerHost unix:///var/run/docker.sock | Out-Null

            $matches = (TabExpansion2 -inputScript 'Remove-ContainerContext pester-c' -cursorColumn 32).CompletionMatches.CompletionText

            $matches | Should -Be 'pester-comp1', 'pester-comp2'
        }
    }
}
