namespace PSDocker.EngineAccess
{
    /// <summary>What one step of an up, stop or down does.</summary>
    internal enum ComposeStepKind
    {
        CreateNetwork,
        CreateVolume,
        CreateContainer,
        RecreateContainer,
        StartContainer,
        StopContainer,
        RemoveContainer,
        WaitDependency,
        WaitService,
        RemoveNetwork,
        RemoveVolume,
        RemoveImage,
    }

    /// <summary>
    /// One step of a compose operation, on one resource: what -WhatIf/-Confirm name ("Create container"
    /// on "p-web-1") and what the compose service needs to do it. Steps are atomic: a step stopped by
    /// Ctrl+C leaves no half-made resource (a container created but not started is removed again).
    /// </summary>
    internal sealed class ComposeStep
    {
        public ComposeStep(ComposeStepKind kind, string service, string target)
        {
            Kind = kind;
            Service = service;
            Target = target;
        }

        public ComposeStepKind Kind { get; }

        /// <summary>The service the step belongs to; empty for networks, volumes and images.</summary>
        public string Service { get; }

        /// <summary>The resource's name (container, network, volume, image; the dependency for waits).</summary>
        public string Target { get; }

        /// <summary>The service config (container creation, waits).</summary>
        public ComposeServiceConfig? ServiceConfig { get; set; }

        /// <summary>The id of the service's image, as the plan found it (container creation and recreation).</summary>
        public string? ImageId { get; set; }

        /// <summary>The container number (creation).</summary>
        public int Number { get; set; }

        /// <summary>The existing container (recreate, start, stop, remove).</summary>
        public Container? Existing { get; set; }

        /// <summary>The network to create.</summary>
        public ComposeNetworkConfig? Network { get; set; }

        /// <summary>The volume to create.</summary>
        public ComposeVolumeConfig? Volume { get; set; }

        /// <summary>The depends_on condition (waits).</summary>
        public string? Condition { get; set; }

        /// <summary>Whether -WhatIf/-Confirm ask about it (waits change nothing).</summary>
        public bool ChangesState => Kind is not (ComposeStepKind.WaitDependency or ComposeStepKind.WaitService);

        /// <summary>The -WhatIf/-Confirm action text.</summary>
        public string Action => Kind switch
        {
            ComposeStepKind.CreateNetwork => "Create network",
            ComposeStepKind.CreateVolume => "Create volume",
            ComposeStepKind.CreateContainer => "Create container",
            ComposeStepKind.RecreateContainer => "Recreate container",
            ComposeStepKind.StartContainer => "Start container",
            ComposeStepKind.StopContainer => "Stop container",
            ComposeStepKind.RemoveContainer => "Remove container",
            ComposeStepKind.RemoveNetwork => "Remove network",
            ComposeStepKind.RemoveVolume => "Remove volume",
            ComposeStepKind.RemoveImage => "Remove image",
            ComposeStepKind.WaitDependency => "Wait for " + Target + " (" + Condition + ")",
            _ => "Wait for " + Target,
        };

        /// <summary>What the service's progress line says while the step runs.</summary>
        public string Doing => Kind switch
        {
            ComposeStepKind.CreateContainer => "Creating " + Target,
            ComposeStepKind.RecreateContainer => "Recreating " + Target,
            ComposeStepKind.StartContainer => "Starting " + Target,
            ComposeStepKind.StopContainer => "Stopping " + Target,
            ComposeStepKind.RemoveContainer => "Removing " + Target,
            ComposeStepKind.WaitDependency => "Waiting for " + Target + (Condition == "service_healthy" ? " to be healthy" : Condition == "service_completed_successfully" ? " to complete" : string.Empty),
            ComposeStepKind.WaitService => "Waiting",
            ComposeStepKind.CreateNetwork => "Creating network " + Target,
            ComposeStepKind.CreateVolume => "Creating volume " + Target,
            ComposeStepKind.RemoveNetwork => "Removing network " + Target,
            ComposeStepKind.RemoveVolume => "Removing volume " + Target,
            _ => "Removing image " + Target,
        };

        /// <summary>What the service's progress line says after the step.</summary>
        public string Done => Kind switch
        {
            ComposeStepKind.CreateContainer or ComposeStepKind.RecreateContainer or ComposeStepKind.StartContainer => "Started",
            ComposeStepKind.StopContainer => "Stopped",
            ComposeStepKind.RemoveContainer => "Removed",
            ComposeStepKind.WaitDependency => "Dependency " + Target + " ready",
            ComposeStepKind.WaitService => "Healthy",
            ComposeStepKind.CreateNetwork or ComposeStepKind.CreateVolume => "Created",
            _ => "Removed",
        };
    }
}
