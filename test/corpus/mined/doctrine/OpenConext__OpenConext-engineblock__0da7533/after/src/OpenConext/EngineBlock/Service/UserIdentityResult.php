<?php

/**
 * Copyright 2026 SURFnet B.V.
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

namespace OpenConext\EngineBlock\Service;

use JsonSerializable;

final class UserIdentityResult implements JsonSerializable
{
    public function __construct(
        public readonly string $schacHomeOrganization,
        public readonly string $uid,
        public readonly string $spEntityId,
    ) {
    }

    public function jsonSerialize(): array
    {
        return [
            'schacHomeOrganization' => $this->schacHomeOrganization,
            'uid' => $this->uid,
            'sp_entityid' => $this->spEntityId,
        ];
    }
}
