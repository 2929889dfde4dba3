<?php

/*
 * This file is part of SolidInvoice project.
 *
 * (c) Pierre du Plessis <open-source@solidworx.co>
 *
 * This source file is subject to the MIT license that is bundled
 * with this source code in the file LICENSE.
 */

namespace SolidInvoice\InvoiceBundle\Enum;

enum InvoiceLineType: string
{
    case INVOICE = 'invoice';
    case RECURRING_INVOICE = 'recurring_invoice';
}
