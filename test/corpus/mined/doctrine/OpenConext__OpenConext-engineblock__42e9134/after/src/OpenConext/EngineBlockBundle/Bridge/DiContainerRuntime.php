<?php

/**
 * Copyright 2025 SURFnet B.V.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

namespace OpenConext\EngineBlockBundle\Bridge;

use OpenConext\EngineBlock\Request\CorrelationIdServiceInterface;
use OpenConext\EngineBlock\Request\CurrentCorrelationId;
use OpenConext\EngineBlock\Service\FeedbackInfoCollectorInterface;
use OpenConext\EngineBlock\Service\FeedbackStateHelperInterface;
use OpenConext\EngineBlockBundle\Service\WayfRenderer;
use Twig\Environment;

/**
 * In contrast to DiContainer, this provider is constructed 'runtime'.
 * As in, the current DiContainer is needed very early in the bootstrapping process, so it's not possible to inject dependencies into it.
 *
 * This provider should be used for all new dependencies.
 */
final readonly class DiContainerRuntime
{

    public function __construct(
        public Environment $twig,
        public WayfRenderer $wayfRenderer,
        public CorrelationIdServiceInterface $correlationIdService,
        public CurrentCorrelationId $currentCorrelationId,
        public FeedbackStateHelperInterface $feedbackStateHelper,
        public FeedbackInfoCollectorInterface $feedbackInfoCollector,
        private array $preferredIdpEntityIds = [],
    ) {
    }

    public function getPreferredIdpEntityIds(): array
    {
        return $this->preferredIdpEntityIds;
    }
}
