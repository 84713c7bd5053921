@{
    RootModule             = 'PSDocker.dll'
    # Loaded first: it makes PSDocker.Engine.dll and its packages load from Dependencies in their own context.
    NestedModules          = @('PSDocker.Loader.dll')
    ModuleVersion          = '0.1.0'
    GUID                   = '6f0c5a53-2d3e-4c7b-9a51-7c2f4e0b8d11'
    Author                 = 'PSDocker contributors'
    CompanyName            = 'PSDocker'
    Copyright              = '(c) PSDocker contributors. MIT License.'
    Description            = 'Manage Docker engines from PowerShell: binary cmdlets that speak the Docker Engine API and emit typed objects that pipe into each other.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'Container.format.ps1xml'
        'ContainerTools.format.ps1xml'
        'Engine.format.ps1xml'
        'Network.format.ps1xml'
        'Volume.format.ps1xml'
        'System.format.ps1xml'
        'Context.format.ps1xml'
        'Image.format.ps1xml'
    )
    CmdletsToExport        = @(
        'Get-Container'
        'Get-ContainerDetail'
        'New-Container'
        'Invoke-Container'
        'Start-Container'
        'Stop-Container'
        'Restart-Container'
        'Suspend-Container'
        'Resume-Container'
        'Remove-Container'
        'Wait-Container'
        'Rename-Container'
        'Get-ContainerLog'
        'Invoke-ContainerExec'
        'Get-ContainerNetwork'
        'New-ContainerNetwork'
        'Remove-ContainerNetwork'
        'Connect-ContainerNetwork'
        'Disconnect-ContainerNetwork'
        'Get-ContainerVolume'
        'New-ContainerVolume'
        'Remove-ContainerVolume'
        'Get-ContainerProcess'
        'Get-ContainerStatistics'
        'Get-ContainerChange'
        'Get-ContainerPort'
        'Copy-ContainerItem'
        'Update-Container'
        'Get-ContainerEngine'
        'Get-ContainerEngineUsage'
        'Get-ContainerEngineEvent'
        'Clear-ContainerEngine'
        'Get-ContainerContext'
        'New-ContainerContext'
        'Remove-ContainerContext'
        'Use-ContainerContext'
        'Get-Image'
        'Get-ImageDetail'
        'Get-ImageHistory'
        'Add-ImageTag'
        'Remove-Image'
        'Install-Image'
        'Publish-Image'
        'Save-Image'
        'Import-Image'
        'New-Image'
        'Export-Container'
        'Connect-Registry'
        'Disconnect-Registry'
        'Find-Image'
        'Build-Image'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Docker', 'Containers', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows')
            LicenseUri   = 'https://github.com/psdocker/PSDocker/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/psdocker/PSDocker'
            ReleaseNotes = 'Bad input is refused with a clear error instead of a wrong container: -Port and -Dns take only real IP addresses, -Environment and -Label only single values, a relative -Volume is always a host path. A password in DOCKER_HOST is never shown; a broken docker config.json is a warning, not a stop. Container views show NAMES whole and published ports as docker ps does.'
        }
    }
}
