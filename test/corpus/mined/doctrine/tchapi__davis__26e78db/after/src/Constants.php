<?php

declare(strict_types=1);

namespace App;

class Constants
{
    public const BIRTHDAY_CALENDAR_URI = 'birthday-calendar';

    public const MAX_DATE = '2222-01-01';
}
