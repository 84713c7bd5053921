# The compose engine cmdlets as a pwsh user types them, against the real engine: the seed's three
# steps (a Dockerfile for the app, its services in compose.yaml, one command to bring it all up),
# then ps, ls and down. Everything carries this run's label; what a failure leaves is removed at the
# end through the docker CLI, never through the module under test.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    function Remove-ComposeLeftovers([string] $Project) {
        $ids = @(& docker ps -aq --filter "label=com.docker.compose.project=$Project")
        if ($ids.Count -gt 0) { & docker rm -f -v @ids > $null }
        $networks = @(& docker network ls -q --filter "label=com.docker.compose.project=$Project")
        if ($networks.Count -gt 0) { & docker network rm @networks > $null }
        $volumes = @(& docker volume ls -q --filter "label=com.docker.compose.project=$Project")
        if ($volumes.Count -gt 0) { & docker volume rm -f @volumes > $null }
        & docker image rm -f "$Project-web" *> $null
    }

    $script:Project = New-TestName
    $script:Folder = Join-Path $TestDrive $Project
    $script:Port = Get-FreeTcpPort
    New-Item -ItemType Directory $Folder | Out-Null
    $serve = "trap 'exit 0' TERM; touch /ready; while :; do sleep 1; done"

    # Step 1: a Dockerfile for the app (a web server).
    Set-Content (Join-Path $Folder 'Dockerfile') @"
FROM $TestImage
RUN mkdir -p /www && echo 'hello from web' > /www/index.html
CMD ["sh", "-c", "trap 'exit 0' TERM; httpd -p 80 -h /www; while :; do sleep 1; done"]
"@
    # Step 2: its services in compose.yaml: web, built here, and db with a healthcheck and a volume.
    Set-Content (Join-Path $Folder 'compose.yaml') @"
services:
  web:
    build: .
    ports: ["127.0.0.1:${Port}:80"]
    depends_on:
      db:
        condition: service_healthy
    networks: [back]
    labels: { psdocker.pester: "$TestRunId" }
  db:
    image: $TestImage
    command: ["sh", "-c", "$serve"]
    healthcheck:
      test: ["CMD-SHELL", "test -f /ready"]
      interval: 1s
      retries: 20
    volumes: ["data:/data"]
    networks: [back]
    labels: { psdocker.pester: "$TestRunId" }
networks:
  back:
    labels: { psdocker.pester: "$TestRunId" }
volumes:
  data:
    labels: { psdocker.pester: "$TestRunId" }
"@
    Push-Location $Folder
}

AfterAll {
    Pop-Location
    Remove-ComposeLeftovers $Project
}

Describe 'Start-ComposeProject' {
    It 'shows with -WhatIf every resource it would make, in order, and makes none' {
        $text = Invoke-UserScript "Set-Location '$Folder'; Start-ComposeProject -WhatIf"

        $lines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
        $lines | Should -Be @(
            "What if: Performing the operation `"Build image for service web`" on target `"$Project-web`"."
            "What if: Performing the operation `"Create network`" on target `"${Project}_back`"."
            "What if: Performing the operation `"Create volume`" on target `"${Project}_data`"."
            "What if: Performing the operation `"Create container`" on target `"$Project-db-1`"."
            "What if: Performing the operation `"Create container`" on target `"$Project-web-1`"."
        )
        @(& docker ps -aq --filter "label=com.docker.compose.project=$Project").Count | Should -Be 0
    }

    It 'brings the app up with one command: builds web, starts db, then web once db is healthy' {
        # Step 3: one command to bring it all up.
        Start-ComposeProject -Wait -WaitTimeout 120

        (& docker inspect --format '{{.State.Health.Status}}' "$Project-db-1") | Should -Be 'healthy'
        (& docker inspect --format '{{.State.Status}}' "$Project-web-1") | Should -Be 'running'
        (& docker inspect --format '{{index .Config.Labels "com.docker.compose.service"}}' "$Project-web-1") | Should -Be 'web'
        Get-WebContent "http://127.0.0.1:$Port/" | Should -Match 'hello from web'
    }

    It 'changes nothing when run again' {
        $before = & docker ps -aq --no-trunc --filter "label=com.docker.compose.project=$Project" | Sort-Object

        Start-ComposeProject

        & docker ps -aq --no-trunc --filter "label=com.docker.compose.project=$Project" | Sort-Object | Should -Be $before
    }
}

Describe 'Get-ComposeService' {
    It 'lists one object per service with its containers, which pipe into the container cmdlets' {
        $services = Get-ComposeService

        $services.Service | Should -Be @('db', 'web')
        $services[1].ContainerName | Should -Be "$Project-web-1"
        $services[1].State | Should -Be 'running(1)'
        $services[1].Containers[0] | Should -BeOfType PSDocker.Container
        $ping = Get-ComposeService web | Invoke-ContainerExec -Command ping, -c1, -W2, db -PassThru
        ($ping | Where-Object { $_ -is [PSDocker.ExecResult] }).ExitCode | Should -Be 0
    }

    It 'shows the containers as docker compose ps does' {
        $text = Get-ComposeService | Out-String -Width 300

        $text | Should -Match 'NAME\s+IMAGE\s+SERVICE\s+STATUS\s+PORTS'
        $text | Should -Match "$Project-web-1"
        $text | Should -Match "127.0.0.1:$Port->80/tcp"
    }
}

Describe 'Completion' {
    It 'completes -ProjectName with the projects on the engine, and -Service from their labels or the files' {
        $prefix = $Project.Substring(0, $Project.Length - 2)
        $projects = (TabExpansion2 "Stop-ComposeProject -ProjectName $prefix" -cursorColumn ("Stop-ComposeProject -ProjectName $prefix").Length).CompletionMatches.CompletionText
        $byLabels = (TabExpansion2 "Get-ComposeService -ProjectName $Project -Service " -cursorColumn ("Get-ComposeService -ProjectName $Project -Service ").Length).CompletionMatches.CompletionText
        $byFiles = (TabExpansion2 'Start-ComposeProject -Service w' -cursorColumn 'Start-ComposeProject -Service w'.Length).CompletionMatches.CompletionText

        $projects | Should -Contain $Project
        $byLabels | Should -Be @('db', 'web')
        $byFiles | Should -Be @('web')
    }
}

Describe 'Get-ComposeProject' {
    It 'lists the project as docker compose ls does' {
        $listed = Get-ComposeProject $Project

        $listed.Status | Should -Be 'running(2)'
        $listed.ConfigFiles | Should -Be (Join-Path $Folder 'compose.yaml')
        (Get-ComposeProject $Project | Out-String) | Should -Match 'NAME\s+STATUS\s+CONFIG FILES'
    }
}

Describe 'Remove-ComposeProject' {
    It 'shows with -WhatIf exactly what docker compose down -v --rmi local would remove' {
        $text = Invoke-UserScript "Remove-ComposeProject -ProjectName '$Project' -Volume -RemoveImage Local -WhatIf"

        $lines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
        $lines | Should -Be @(
            "What if: Performing the operation `"Remove container`" on target `"$Project-web-1`"."
            "What if: Performing the operation `"Remove container`" on target `"$Project-db-1`"."
            "What if: Performing the operation `"Remove network`" on target `"${Project}_back`"."
            "What if: Performing the operation `"Remove volume`" on target `"${Project}_data`"."
            "What if: Performing the operation `"Remove image`" on target `"$Project-web`"."
        )
        @(& docker ps -aq --filter "label=com.docker.compose.project=$Project").Count | Should -Be 2
    }

    It 'takes the app down, piped from Get-ComposeProject, and leaves nothing of it behind' {
        Get-ComposeProject $Project | Remove-ComposeProject -Volume -RemoveImage Local

        @(& docker ps -aq --filter "label=com.docker.compose.project=$Project").Count | Should -Be 0
        @(& docker network ls -q --filter "label=com.docker.compose.project=$Project").Count | Should -Be 0
        @(& docker volume ls -q --filter "label=com.docker.compose.project=$Project").Count | Should -Be 0
        & docker image inspect "$Project-web" *> $null
        $LASTEXITCODE | Should -Not -Be 0
    }
}
