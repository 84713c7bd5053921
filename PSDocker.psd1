@{
    RootModule             = 'PSDocker.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '6f0c5a53-2d3e-4c7b-9a51-7c2f4e0b8d11'
    Author                 = 'PSDocker contributors'
    CompanyName            = 'PSDocker'
    Copyright              = '(c) PSDocker contributors. MIT License.'
    Description            = 'Manage Docker engines from PowerShell: binary cmdlets that speak the Docker Engine API and emit typed objects that pipe into each other.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('PSDocker.format.ps1xml', 'Image.format.ps1xml')
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
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('Docker', 'Containers', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
